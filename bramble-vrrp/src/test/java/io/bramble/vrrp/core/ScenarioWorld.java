package io.bramble.vrrp.core;

import io.bramble.common.time.ManualClock;
import io.bramble.vrrp.core.VrrpAction.AddVips;
import io.bramble.vrrp.core.VrrpAction.AdvertIgnored;
import io.bramble.vrrp.core.VrrpAction.RemoveVips;
import io.bramble.vrrp.core.VrrpAction.SendAdvert;
import io.bramble.vrrp.core.VrrpAction.SendGratuitousArps;
import io.bramble.vrrp.core.VrrpAction.StateChanged;
import io.bramble.vrrp.core.VrrpEvent.AdvertReceived;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The world of a scenario file: named nodes, each a {@link VrrpNode}, on a lossless network
 * without delay that can be cut per node, and one clock. Each command returns the actions it
 * caused, one line each, stamped with the time since the scenario began.
 *
 * <pre>
 * instance A/VI_1 vrid=51 priority=101 address=10.0.0.1 [version=3] [advert=1s]
 *          [preempt=true] [preempt_delay=0s] [garp=5] [garp_delay=5s] [track=NAME:WEIGHT,...]
 * sync A G1 VI_1,VI_2     start A     stop A     crash A     cut A     heal A
 * advance 3.5s            track A NAME up|down   state
 * recv A/VI_1 priority=N from=ADDRESS [interval=1s] [version=3]
 * </pre>
 */
final class ScenarioWorld {
    private final ManualClock clock = new ManualClock(0, 0);
    private final Map<String, List<InstanceSettings>> instances = new LinkedHashMap<>();
    private final Map<String, List<SyncGroupSettings>> groups = new HashMap<>();
    private final Map<String, VrrpNode> running = new LinkedHashMap<>();
    private final Set<String> cut = new HashSet<>();
    private final Set<String> holders = new TreeSet<>();
    private final Map<String, Map<String, Boolean>> tracked = new HashMap<>();
    private final List<String> output = new ArrayList<>();

    String run(String line) {
        output.clear();
        String[] words = line.trim().split("\\s+");
        try {
            switch (words[0]) {
                case "instance" -> defineInstance(words);
                case "sync" -> groups.computeIfAbsent(words[1], n -> new ArrayList<>())
                        .add(new SyncGroupSettings(words[2], List.of(words[3].split(","))));
                case "start" -> start(words[1]);
                case "stop" -> stop(words[1]);
                case "crash" -> running.remove(words[1]);
                case "cut" -> cut.add(words[1]);
                case "heal" -> cut.remove(words[1]);
                case "advance" -> advance(Durations.nanos(words[1]));
                case "track" -> track(words);
                case "recv" -> receive(words);
                case "state" -> state();
                default -> throw new IllegalArgumentException("unknown command " + words[0]);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            output.add("error: " + e.getMessage());
        }
        return String.join("\n", output);
    }

    private void defineInstance(String[] words) {
        String[] where = words[1].split("/");
        Map<String, String> args = Durations.arguments(words, 2);
        InetAddress address = address(args.remove("address"));
        InstanceSettings settings = InstanceSettings.of(where[1],
                Integer.parseInt(args.remove("vrid")), Integer.parseInt(args.remove("priority")),
                address);
        VrrpVersion version = VrrpVersion.ofNumber(Integer.parseInt(args.getOrDefault("version",
                "3")));
        args.remove("version");
        settings = settings.withTiming(version, (int) Durations.millis(args.getOrDefault(
                "advert", "1s")));
        args.remove("advert");
        settings = settings.withPreempt(Boolean.parseBoolean(args.getOrDefault("preempt",
                "true")), Durations.millis(args.getOrDefault("preempt_delay", "0s")));
        args.remove("preempt");
        args.remove("preempt_delay");
        settings = settings.withGarp(Integer.parseInt(args.getOrDefault("garp", "5")),
                Durations.millis(args.getOrDefault("garp_delay", "5s")));
        args.remove("garp");
        args.remove("garp_delay");
        String track = args.remove("track");
        if (track != null) {
            List<TrackedObject> tracked = new ArrayList<>();
            for (String item : track.split(",")) {
                int colon = item.lastIndexOf(':');
                tracked.add(new TrackedObject(item.substring(0, colon),
                        Integer.parseInt(item.substring(colon + 1))));
            }
            settings = settings.withTracked(tracked);
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + args.keySet());
        }
        instances.computeIfAbsent(where[0], n -> new ArrayList<>()).add(settings);
    }

    private void start(String node) {
        if (running.containsKey(node)) {
            throw new IllegalStateException(node + " is running");
        }
        VrrpNode vrrp = new VrrpNode(instances.getOrDefault(node, List.of()),
                groups.getOrDefault(node, List.of()), clock);
        running.put(node, vrrp);
        for (Map.Entry<String, Boolean> object : tracked.getOrDefault(node, Map.of())
                .entrySet()) {
            deliverFrom(node, vrrp.step(new VrrpEvent.TrackChanged(object.getKey(),
                    object.getValue())));
        }
        deliverFrom(node, vrrp.step(new VrrpEvent.Start()));
    }

    private void stop(String node) {
        VrrpNode vrrp = running.get(node);
        deliverFrom(node, vrrp.step(new VrrpEvent.Shutdown()));
        running.remove(node);
    }

    /** Tracked objects keep their state across restarts, as a failed link would. */
    private void track(String[] words) {
        boolean up = words[3].equals("up");
        VrrpNode vrrp = running.get(words[1]);
        if (vrrp != null) {
            deliverFrom(words[1], vrrp.step(new VrrpEvent.TrackChanged(words[2], up)));
        }
        tracked.computeIfAbsent(words[1], n -> new LinkedHashMap<>()).put(words[2], up);
    }

    private void receive(String[] words) {
        String[] where = words[1].split("/");
        Map<String, String> args = Durations.arguments(words, 2);
        VrrpNode vrrp = running.get(where[0]);
        InstanceSettings settings = vrrp.settings(where[1]);
        Advert advert = new Advert(VrrpVersion.ofNumber(Integer.parseInt(args.getOrDefault(
                "version", "" + settings.version().number()))), settings.virtualRouterId(),
                Integer.parseInt(args.get("priority")), (int) Durations.millis(args.getOrDefault(
                        "interval", settings.advertIntervalMs() + "ms")),
                address(args.get(
                        "from")));
        deliverFrom(where[0], vrrp.step(new AdvertReceived(where[1], advert)));
    }

    private void advance(long nanos) {
        long target = clock.nanoTime() + nanos;
        while (true) {
            long next = Long.MAX_VALUE;
            for (VrrpNode node : running.values()) {
                next = Math.min(next, node.nextDeadlineNanos());
            }
            if (next > target) {
                break;
            }
            clock.advanceNanos(Math.max(0, next - clock.nanoTime()));
            for (Map.Entry<String, VrrpNode> node : List.copyOf(running.entrySet())) {
                if (node.getValue().nextDeadlineNanos() <= clock.nanoTime()) {
                    deliverFrom(node.getKey(), node.getValue().step(new VrrpEvent.Tick()));
                }
            }
        }
        clock.advanceNanos(target - clock.nanoTime());
    }

    /** Prints a node's actions and delivers its adverts, and the answers they cause. */
    private void deliverFrom(String node, List<VrrpAction> actions) {
        Deque<Map.Entry<String, List<VrrpAction>>> queue = new ArrayDeque<>();
        queue.add(Map.entry(node, actions));
        while (!queue.isEmpty()) {
            Map.Entry<String, List<VrrpAction>> next = queue.poll();
            for (VrrpAction action : next.getValue()) {
                print(next.getKey(), action);
                if (action instanceof SendAdvert advert) {
                    for (Map.Entry<String, List<VrrpAction>> reply : send(next.getKey(),
                            advert)) {
                        queue.add(reply);
                    }
                }
            }
        }
    }

    private List<Map.Entry<String, List<VrrpAction>>> send(String from, SendAdvert sent) {
        List<Map.Entry<String, List<VrrpAction>>> replies = new ArrayList<>();
        VrrpNode sender = running.get(from);
        if (sender == null || cut.contains(from)) {
            return replies;
        }
        InstanceSettings mine = sender.settings(sent.instance());
        Advert advert = new Advert(mine.version(), mine.virtualRouterId(), sent.priority(),
                sent.advertIntervalMs(), mine.primaryAddress());
        for (Map.Entry<String, VrrpNode> peer : running.entrySet()) {
            if (peer.getKey().equals(from) || cut.contains(peer.getKey())) {
                continue;
            }
            for (String name : peer.getValue().instanceNames()) {
                if (peer.getValue().settings(name).virtualRouterId() == mine.virtualRouterId()) {
                    replies.add(Map.entry(peer.getKey(), peer.getValue().step(
                            new AdvertReceived(name, advert))));
                }
            }
        }
        return replies;
    }

    private void print(String node, VrrpAction action) {
        String what = switch (action) {
            case StateChanged c -> c.from() + " -> " + c.to() + " (" + c.reason() + ")";
            case SendAdvert a -> "advert priority=" + a.priority();
            case AddVips a -> {
                holders.add(node + "/" + a.instance());
                yield "add VIPs";
            }
            case RemoveVips r -> {
                holders.remove(node + "/" + r.instance());
                yield "remove VIPs";
            }
            case SendGratuitousArps g -> "gratuitous ARP x" + g.count();
            case AdvertIgnored i -> "ignored: " + i.reason();
        };
        output.add(Durations.format(clock.nanoTime()) + " " + node + "/" + action.instance()
                + ": " + what);
    }

    private void state() {
        for (Map.Entry<String, List<InstanceSettings>> node : instances.entrySet()) {
            VrrpNode vrrp = running.get(node.getKey());
            for (InstanceSettings settings : node.getValue()) {
                String id = node.getKey() + "/" + settings.name();
                String line = vrrp == null
                        ? id + " not running"
                        : id + " " + vrrp.state(settings.name()) + " priority="
                                + vrrp.effectivePriority(settings.name());
                output.add(line + (holders.contains(id) ? " holds VIPs" : ""));
            }
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address " + text, e);
        }
    }
}
