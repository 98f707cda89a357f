package io.bramble.cluster.coordinate;

import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.exec.Recovery;
import io.bramble.common.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One simulated node: its daemon (lease requests, {@link Demotion}, instructions run one at a
 * time per resource) and its agents' real state. A resource counts as active from the moment
 * its start begins until its stop ends, or until the machine dies or its watchdog fires.
 */
final class SimNode {
    private static final long CHECK_MS = 20;
    private static final long EPOCH_MS = 1_700_000_000_000L;

    final String name;
    private final SimWorld world;
    private final double rate;
    private final long offsetMs;
    /** How far this node's wall clock is off: NTP keeps it within a second. */
    private final long epochSkewMs;
    boolean alive = true;
    boolean slow;
    long incarnation;
    private Demotion demotion;
    /** The lease end the daemon keeps where its restart finds it (lost at a reboot). */
    private long recordedLeaseEndMs;
    /** Whether this run already stopped everything because its lease ended. */
    private boolean demoted;
    private final Set<String> active = new HashSet<>();
    /** What this node's demotion is stopping. */
    private final Set<String> selfStopping = new HashSet<>();
    private final Map<String, Long> lastId = new HashMap<>();
    private final Map<String, Deque<Instruction>> queues = new HashMap<>();
    private final Set<String> busy = new HashSet<>();
    private final Map<String, Instruction> monitors = new HashMap<>();
    /** Counts the machine's boots, so that a rebooted node's old timers stop. */
    private long loops;

    SimNode(String name, SimWorld world, double rate, long offsetMs) {
        this.name = name;
        this.world = world;
        this.rate = rate;
        this.offsetMs = offsetMs;
        this.epochSkewMs = world.random.nextLong(-1_000, 1_000);
    }

    /** This node's clock: its own offset and rate. */
    Clock clock() {
        return new Clock() {
            @Override
            public long nanoTime() {
                return localMs() * 1_000_000L;
            }

            @Override
            public long epochMillis() {
                return EPOCH_MS + epochSkewMs + (long) Math.floor(world.now * rate);
            }
        };
    }

    long localMs() {
        return offsetMs + (long) Math.floor(world.now * rate);
    }

    /** Real milliseconds until this node's clock has moved {@code localMs}. */
    private long realAfter(long local) {
        return (long) Math.ceil(local / rate);
    }

    boolean isActive(String resource) {
        return alive && active.contains(resource);
    }

    // ---- life ----

    void boot() {
        world.log(name + " boots");
        alive = true;
        freshRun();
        demotion = Demotion.starting(world.nodeTiming, localMs());
        recordedLeaseEndMs = demotion.leaseEndMs();
        long loop = ++loops;
        renew(loop);
        check(loop);
    }

    /** The machine dies: its agents die with it. */
    void crash() {
        world.log(name + " crashes");
        alive = false;
        active.clear();
        selfStopping.clear();
        loops++;
    }

    /** The daemon restarts; the agents it started keep running. */
    void restartDaemon() {
        world.log(name + " daemon restarts");
        freshRun();
        demotion = Demotion.resuming(world.nodeTiming, recordedLeaseEndMs);
    }

    private void freshRun() {
        incarnation = world.newIncarnation();
        demoted = false;
        selfStopping.clear();
        lastId.clear();
        queues.clear();
        busy.clear();
        monitors.clear();
    }

    private void renew(long loop) {
        if (!alive || loop != loops) {
            return;
        }
        long inc = incarnation;
        long sent = localMs();
        if (demotion.asksForLease()) {
            world.toCoordinator(name, c -> c.leaseRequest(name, inc, sent));
        }
        world.at(world.now + realAfter(world.nodeTiming.renewMs()), () -> renew(loop));
    }

    private void check(long loop) {
        if (!alive || loop != loops) {
            return;
        }
        applyVerdict();
        world.at(world.now + CHECK_MS, () -> check(loop));
    }

    void granted(long requestSentMs, long session) {
        demotion.granted(requestSentMs, session);
        long end = demotion.leaseEndMs();
        recordedLeaseEndMs = end;
        long loop = loops;
        world.at(world.now + realAfter(Math.max(0, end - localMs())), () -> verdictOf(loop));
        world.at(world.now + realAfter(Math.max(0, end + world.nodeTiming.stopMaxMs()
                - localMs())), () -> verdictOf(loop));
    }

    private void verdictOf(long loop) {
        if (alive && loop == loops) {
            applyVerdict();
        }
    }

    /**
     * Stops everything when the lease ended; kills what is left when the stops took too long.
     * A node that stopped everything comes back as a new run, which the coordinator probes.
     */
    private void applyVerdict() {
        Demotion.Verdict verdict = demotion.verdict(localMs());
        if (verdict == Demotion.Verdict.RESET) {
            if (!active.isEmpty()) {
                world.log(name + " watchdog resets, active " + active);
            }
            active.clear();
            selfStopping.clear();
            demotion.allStopped();
        }
        if (verdict != Demotion.Verdict.RUN && !demoted) {
            world.log(name + " demotes, active " + active);
            demoted = true;
            demotion.stopping();
            queues.clear();
            monitors.clear();
            incarnation = world.newIncarnation();
            long inc = incarnation;
            selfStopping.addAll(active);
            for (String r : Set.copyOf(active)) {
                world.at(world.now + 10 + world.random.nextInt(1_500), () -> {
                    if (alive && incarnation == inc && selfStopping.remove(r)) {
                        world.log(name + " stopped " + r + " itself");
                        active.remove(r);
                        if (selfStopping.isEmpty()) {
                            demotion.allStopped();
                        }
                    }
                });
            }
            if (selfStopping.isEmpty()) {
                demotion.allStopped();
            }
            lastId.clear();
            busy.clear();
        }
        if (verdict == Demotion.Verdict.RUN) {
            demoted = false;
        }
    }

    // ---- instructions ----

    void instruction(Instruction i) {
        if (!demotion.accepts(i.session()) || i.id() <= lastId.getOrDefault(i.resource(), 0L)) {
            return;
        }
        lastId.put(i.resource(), i.id());
        if (i.operation().equals("start") && !demotion.mayStart(localMs())) {
            return;
        }
        queues.computeIfAbsent(i.resource(), k -> new ArrayDeque<>()).add(i);
        pump(i.resource());
    }

    private void pump(String resource) {
        Deque<Instruction> q = queues.get(resource);
        if (busy.contains(resource) || q == null || q.isEmpty()) {
            return;
        }
        Instruction i = q.poll();
        if (i.operation().equals("start") && !demotion.mayStart(localMs())) {
            pump(resource);
            return;
        }
        busy.add(resource);
        world.log(name + " begins " + i);
        if (i.operation().equals("start")) {
            active.add(resource);
        }
        long duration = switch (i.operation()) {
            case "start" -> 50 + world.random.nextInt(250);
            case "stop" -> 20 + world.random.nextInt(200);
            default -> 5 + world.random.nextInt(20);
        };
        if (slow) {
            duration *= 5;
        }
        long inc = incarnation;
        world.at(world.now + duration, () -> {
            if (alive && incarnation == inc) {
                finish(i);
            }
        });
    }

    private void finish(Instruction i) {
        String r = i.resource();
        busy.remove(r);
        Outcome outcome = switch (i.operation()) {
            case "start" -> started(r);
            case "stop" -> {
                active.remove(r);
                monitors.remove(r);
                yield ok();
            }
            default -> {
                if (i.intervalMs() > 0) {
                    monitors.put(r, i);
                }
                yield active.contains(r) ? ok() : notRunning();
            }
        };
        world.log(name + " did " + i + ": " + outcome.text() + ", active " + active);
        world.toCoordinator(name, c -> c.report(Report.of(i, outcome)));
        pump(r);
    }

    private Outcome started(String r) {
        double roll = world.random.nextDouble();
        if (roll < world.agentFailureRate) {
            if (world.random.nextBoolean()) {
                active.remove(r);
            }
            boolean hard = world.random.nextInt(4) == 0;
            return new Outcome(Outcome.Kind.FAILED,
                    Optional.of(hard ? Recovery.HARD : Recovery.SOFT), hard
                            ? "not installed"
                            : "error");
        }
        return ok();
    }

    /** The resource dies by itself; its recurring monitor notices. */
    void agentDies(String resource) {
        if (!active.remove(resource)) {
            return;
        }
        world.log(name + " agent " + resource + " dies");
        Instruction monitor = monitors.get(resource);
        if (monitor == null) {
            return;
        }
        reportStopped(resource, monitor, incarnation);
    }

    /** Reports a dead resource every monitor interval until the coordinator acts on it. */
    private void reportStopped(String resource, Instruction monitor, long inc) {
        world.at(world.now + realAfter(monitor.intervalMs()), () -> {
            if (alive && incarnation == inc && monitors.get(resource) == monitor
                    && !active.contains(resource)) {
                world.toCoordinator(name, c -> c.report(Report.of(monitor, notRunning())));
                reportStopped(resource, monitor, inc);
            }
        });
    }

    private static Outcome ok() {
        return new Outcome(Outcome.Kind.SUCCEEDED, Optional.empty(), "ok");
    }

    private static Outcome notRunning() {
        return new Outcome(Outcome.Kind.NOT_RUNNING, Optional.empty(), "not running");
    }
}
