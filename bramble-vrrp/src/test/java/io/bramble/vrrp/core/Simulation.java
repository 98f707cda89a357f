package io.bramble.vrrp.core;

import io.bramble.common.time.ManualClock;
import io.bramble.vrrp.core.VrrpAction.AddVips;
import io.bramble.vrrp.core.VrrpAction.RemoveVips;
import io.bramble.vrrp.core.VrrpAction.SendAdvert;
import io.bramble.vrrp.core.VrrpAction.StateChanged;
import io.bramble.vrrp.core.VrrpEvent.AdvertReceived;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic world for the VRRP core: a few nodes on a simulated LAN with random delay,
 * loss and partitions, crashes (kill -9 leaves the addresses on the interface), power cuts,
 * clean stops and tracked scripts flapping, all drawn from one seed. After {@code healAt}
 * the network is perfect and nothing fails any more; {@link SimulationChecker} then watches
 * that the routers settle on one master per router id that alone holds the addresses.
 * The same seed gives the same run, event for event.
 */
final class Simulation {
    static final int VRID_FIRST = 51;
    private static final long MS = 1_000_000L;
    private static final String SCRIPT = "script:chk";
    /** A run needs far fewer; more means two routers answer each other in a loop. */
    static final long EVENTS_MAX = 2_000_000;

    final long seed;
    final ManualClock clock = new ManualClock(0, 0);
    final List<SimNode> nodes = new ArrayList<>();
    final List<String> trace = new ArrayList<>();
    final long advertMs;
    final VrrpVersion version;
    final int instancesPerNode;
    final long healAt;
    final long endAt;
    final long latencyMaxNanos;
    final long preemptDelayMaxMs;
    private final SplittableRandom random;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private long sequence;
    private double lossRate;
    private int[] partition;

    /** One machine: its settings, its running node (null when down) and what it holds. */
    static final class SimNode {
        final int index;
        final String name;
        final List<InstanceSettings> settings;
        final List<SyncGroupSettings> groups;
        final Set<String> holding = new HashSet<>();
        VrrpNode vrrp;
        boolean scriptUp = true;

        SimNode(int index, List<InstanceSettings> settings, List<SyncGroupSettings> groups) {
            this.index = index;
            this.name = "n" + index;
            this.settings = settings;
            this.groups = groups;
        }

        boolean tracksScript() {
            return !settings.getFirst().tracked().isEmpty();
        }
    }

    private record Scheduled(long at, long sequence, String what, Runnable action)
            implements
                Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    Simulation(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.version = random.nextInt(10) < 7 ? VrrpVersion.V3 : VrrpVersion.V2;
        this.advertMs = version == VrrpVersion.V2
                ? 1_000
                : new long[]{50, 100, 200, 1_000}[random.nextInt(4)];
        this.instancesPerNode = random.nextInt(4) == 0 ? 2 : 1;
        this.latencyMaxNanos = (50 + random.nextInt(2_000)) * 1_000L;
        this.preemptDelayMaxMs = random.nextInt(3) == 0 ? 3 * advertMs : 0;
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            nodes.add(newNode(i));
        }
        long faultPhase = advertMs * MS * (20 + random.nextInt(40));
        this.healAt = faultPhase + restartMarginNanos();
        this.endAt = healAt + 2 * masterDownMaxNanos() + preemptDelayMaxMs * MS
                + 10 * advertMs * MS;
        this.partition = new int[count];
        scheduleStarts();
        scheduleFaults(faultPhase);
        schedule(healAt, "heal", this::heal);
    }

    /** Restarts finish this long before the heal, so their start-up windows are over. */
    private long restartMarginNanos() {
        return preemptDelayMaxMs * MS + masterDownMaxNanos() + advertMs * MS;
    }

    long masterDownMaxNanos() {
        return VrrpTimers.masterDownNanos(version, 1, (int) advertMs);
    }

    private SimNode newNode(int index) {
        int priority = random.nextInt(20) == 0 ? 255 : 1 + random.nextInt(254);
        if (index > 0 && random.nextInt(5) == 0) {
            priority = nodes.get(random.nextInt(index)).settings.getFirst().priority();
        }
        boolean preempt = random.nextInt(4) != 0;
        long preemptDelayMs = preemptDelayMaxMs == 0 ? 0 : random.nextLong(preemptDelayMaxMs + 1);
        List<TrackedObject> tracked = random.nextInt(5) < 2
                ? List.of(new TrackedObject(SCRIPT, new int[]{-30, -5, 0, 5, 30}[random.nextInt(
                        5)]))
                : List.of();
        InetAddress address = address(index);
        List<InstanceSettings> settings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < instancesPerNode; i++) {
            String name = "VI_" + (i + 1);
            names.add(name);
            settings.add(new InstanceSettings(name, VRID_FIRST + i, version, priority,
                    (int) advertMs, preempt, preemptDelayMs, address, 1, 5 * advertMs,
                    tracked));
        }
        List<SyncGroupSettings> groups = instancesPerNode > 1
                ? List.of(new SyncGroupSettings("G", names))
                : List.of();
        return new SimNode(index, settings, groups);
    }

    private void scheduleStarts() {
        for (SimNode node : nodes) {
            schedule(random.nextLong(2 * advertMs * MS + 1), "start " + node.name,
                    () -> start(node));
        }
    }

    private void scheduleFaults(long faultPhase) {
        int faults = 3 + random.nextInt(13);
        for (int i = 0; i < faults; i++) {
            long at = random.nextLong(faultPhase);
            long until = at + random.nextLong(faultPhase - at + 1);
            SimNode node = nodes.get(random.nextInt(nodes.size()));
            switch (random.nextInt(7)) {
                case 0 -> schedulePartition(at, until);
                case 1 -> scheduleLoss(at, until);
                case 2 -> {
                    schedule(at, "kill -9 " + node.name, () -> crash(node));
                    schedule(until, "restart " + node.name, () -> start(node));
                }
                case 3 -> {
                    schedule(at, "power off " + node.name, () -> powerOff(node));
                    if (random.nextBoolean()) {
                        schedule(until, "power on " + node.name, () -> start(node));
                    }
                }
                case 4 -> {
                    schedule(at, "stop " + node.name, () -> stop(node));
                    schedule(until, "start " + node.name, () -> start(node));
                }
                default -> {
                    if (node.tracksScript()) {
                        schedule(at, "script down " + node.name, () -> script(node, false));
                        if (random.nextBoolean()) {
                            schedule(until, "script up " + node.name, () -> script(node, true));
                        }
                    }
                }
            }
        }
    }

    private void schedulePartition(long at, long until) {
        int[] sides = new int[nodes.size()];
        for (int i = 0; i < sides.length; i++) {
            sides[i] = random.nextInt(3);
        }
        schedule(at, "partition " + java.util.Arrays.toString(sides), () -> partition = sides);
        schedule(until, "partition ends", () -> partition = new int[nodes.size()]);
    }

    private void scheduleLoss(long at, long until) {
        double rate = random.nextDouble() * 0.6;
        schedule(at, "loss " + Math.round(rate * 100) + "%", () -> lossRate = rate);
        schedule(until, "loss ends", () -> lossRate = 0);
    }

    /** Runs to the end, calling {@code observer} after every event. */
    void run(Consumer<Simulation> observer) {
        for (long events = 0;; events++) {
            if (events > EVENTS_MAX) {
                throw new IllegalStateException(describe() + "more than " + EVENTS_MAX
                        + " events: adverts in a loop? last events:\n  " + String.join("\n  ",
                                trace.subList(Math.max(0, trace.size() - 40), trace.size())));
            }
            long timerAt = Long.MAX_VALUE;
            for (SimNode node : nodes) {
                if (node.vrrp != null) {
                    timerAt = Math.min(timerAt, node.vrrp.nextDeadlineNanos());
                }
            }
            Scheduled next = queue.peek();
            long eventAt = next == null ? Long.MAX_VALUE : next.at();
            long at = Math.min(timerAt, eventAt);
            if (at > endAt) {
                break;
            }
            clock.advanceNanos(Math.max(0, at - clock.nanoTime()));
            if (timerAt <= eventAt) {
                for (SimNode node : nodes) {
                    if (node.vrrp != null && node.vrrp.nextDeadlineNanos() <= at) {
                        apply(node, node.vrrp.step(new VrrpEvent.Tick()));
                    }
                }
            } else {
                queue.poll().action().run();
            }
            observer.accept(this);
        }
        clock.advanceNanos(endAt - clock.nanoTime());
    }

    private void start(SimNode node) {
        if (node.vrrp != null) {
            return;
        }
        note(node.name + " starts");
        node.vrrp = new VrrpNode(node.settings, node.groups, clock);
        if (node.tracksScript() && !node.scriptUp) {
            apply(node, node.vrrp.step(new VrrpEvent.TrackChanged(SCRIPT, false)));
        }
        apply(node, node.vrrp.step(new VrrpEvent.Start()));
    }

    /** kill -9: the process is gone, its addresses stay on the interface. */
    private void crash(SimNode node) {
        note(node.name + " killed");
        node.vrrp = null;
    }

    /** The machine is off: process and addresses are gone. */
    private void powerOff(SimNode node) {
        note(node.name + " powered off");
        node.vrrp = null;
        node.holding.clear();
    }

    private void stop(SimNode node) {
        if (node.vrrp != null) {
            apply(node, node.vrrp.step(new VrrpEvent.Shutdown()));
            node.vrrp = null;
        }
    }

    private void script(SimNode node, boolean up) {
        node.scriptUp = up;
        if (node.vrrp != null) {
            apply(node, node.vrrp.step(new VrrpEvent.TrackChanged(SCRIPT, up)));
        }
    }

    private void heal() {
        lossRate = 0;
        partition = new int[nodes.size()];
    }

    private void apply(SimNode node, List<VrrpAction> actions) {
        for (VrrpAction action : actions) {
            switch (action) {
                case AddVips add -> node.holding.add(add.instance());
                case RemoveVips remove -> node.holding.remove(remove.instance());
                case SendAdvert advert -> broadcast(node, advert);
                case StateChanged changed -> note(node.name + "/" + changed.instance() + " "
                        + changed.from() + " -> " + changed.to() + " (" + changed.reason() + ")");
                default -> {
                }
            }
        }
    }

    private void broadcast(SimNode from, SendAdvert sent) {
        InstanceSettings mine = from.vrrp.settings(sent.instance());
        Advert advert = new Advert(version, mine.virtualRouterId(), sent.priority(),
                sent.advertIntervalMs(), mine.primaryAddress());
        for (SimNode to : nodes) {
            if (to == from || partition[to.index] != partition[from.index]) {
                continue;
            }
            if (random.nextDouble() < lossRate) {
                continue;
            }
            long at = clock.nanoTime() + 1 + random.nextLong(latencyMaxNanos);
            queue.add(new Scheduled(at, sequence++, null, () -> deliver(to, sent.instance(),
                    advert)));
        }
    }

    private void deliver(SimNode to, String instance, Advert advert) {
        if (to.vrrp != null) {
            apply(to, to.vrrp.step(new AdvertReceived(instance, advert)));
        }
    }

    private void schedule(long at, String what, Runnable action) {
        queue.add(new Scheduled(at, sequence++, what, () -> {
            note(what);
            action.run();
        }));
    }

    private void note(String line) {
        trace.add(Durations.format(clock.nanoTime()) + " " + line);
    }

    String describe() {
        StringBuilder text = new StringBuilder("seed " + seed + ": VRRP " + version.number()
                + ", advert " + advertMs + " ms, latency up to " + latencyMaxNanos / 1_000
                + " us, heal at " + Durations.format(healAt) + ", end at "
                + Durations.format(endAt) + "\n");
        for (SimNode node : nodes) {
            InstanceSettings first = node.settings.getFirst();
            text.append("  ").append(node.name).append(' ')
                    .append(first.primaryAddress().getHostAddress()).append(" priority ")
                    .append(first.priority()).append(first.preempt() ? " preempt" : " nopreempt")
                    .append(" delay ").append(first.preemptDelayMs()).append(" ms tracked ")
                    .append(first.tracked()).append(" instances ").append(node.settings.size())
                    .append('\n');
        }
        return text.toString();
    }

    private static InetAddress address(int index) {
        try {
            return InetAddress.getByAddress(new byte[]{10, 0, 0, (byte) (index + 1)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
