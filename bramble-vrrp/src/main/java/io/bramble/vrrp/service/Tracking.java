package io.bramble.vrrp.service;

import io.bramble.vrrp.config.InstanceConfig;
import io.bramble.vrrp.config.ScriptConfig;
import io.bramble.vrrp.config.TrackedInterface;
import io.bramble.vrrp.config.TrackedScript;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.config.VrrpConfig;
import io.bramble.vrrp.core.TrackedObject;
import io.bramble.vrrp.core.VrrpEvent;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the instances track, named for the core: {@code script:NAME} (and
 * {@code script:NAME:reverse}), {@code interface:IF}, {@code gate:ADDRESS}. It runs the
 * scripts and the watcher and reports their changes as {@link VrrpEvent.TrackChanged}; the
 * states at start are reported before the node starts.
 */
final class Tracking {
    private final Backend backend;
    private final Map<Inet4Address, List<VipGate>> gates;
    private final CommandRunner runner;
    private final Set<String> used = new LinkedHashSet<>();
    private final Map<String, ScriptConfig> scripts = new LinkedHashMap<>();
    private final List<ScriptTracker> trackers = new ArrayList<>();
    private Watcher watcher;

    Tracking(VrrpConfig config, Backend backend, Map<Inet4Address, List<VipGate>> gates,
            CommandRunner runner) {
        this.backend = backend;
        this.gates = gates;
        this.runner = runner;
        config.scripts().forEach(s -> scripts.put(s.name(), s));
    }

    /** The tracked objects of one instance; a name tracked twice keeps its explicit weight. */
    List<TrackedObject> trackedBy(InstanceConfig instance) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (TrackedScript script : instance.scripts()) {
            weights.put(scriptName(script.name(), script.reverse()), script.weight());
        }
        if (instance.trackOwnInterface() && backend == Backend.LINUX) {
            weights.put(interfaceName(instance.interfaceName()), 0);
        }
        for (TrackedInterface tracked : instance.interfaces()) {
            weights.put(interfaceName(tracked.name()), tracked.weight());
        }
        for (VirtualAddress address : instance.addresses()) {
            if (gates.containsKey(address.address())) {
                weights.put(gateName(address.address()), 0);
            }
        }
        used.addAll(weights.keySet());
        return weights.entrySet().stream().map(e -> new TrackedObject(e.getKey(), e
                .getValue())).toList();
    }

    /**
     * Builds the script runners and the watcher and returns the states at start that are
     * not up (the core assumes up).
     */
    List<VrrpEvent> prepare(Consumer<VrrpEvent> post) {
        List<VrrpEvent> initial = new ArrayList<>();
        watcher = new Watcher((name, up) -> post.accept(new VrrpEvent.TrackChanged(name, up)));
        for (String name : used) {
            if (name.startsWith("interface:")) {
                String nic = name.substring("interface:".length());
                down(initial, name, watcher.watch(name, () -> Watcher.linkUp(nic)));
            } else if (name.startsWith("gate:")) {
                List<VipGate> all = gates.get(gateAddress(name));
                down(initial, name, watcher.watch(name, () -> all.stream().allMatch(
                        VipGate::open)));
            }
        }
        for (ScriptConfig script : scripts.values()) {
            String plain = scriptName(script.name(), false);
            String reverse = scriptName(script.name(), true);
            if (!used.contains(plain) && !used.contains(reverse)) {
                continue; // keepalived runs only the scripts some instance tracks
            }
            boolean up = !script.initFail();
            stateOf(plain, up, initial);
            stateOf(reverse, !up, initial);
            trackers.add(new ScriptTracker(script, runner, now -> {
                report(plain, now, post);
                report(reverse, !now, post);
            }));
        }
        return initial;
    }

    List<Runnable> tasks() {
        List<Runnable> tasks = new ArrayList<>(trackers);
        if (!watcher.isEmpty()) {
            tasks.add(watcher);
        }
        return tasks;
    }

    void wake() {
        if (watcher != null) {
            watcher.wake();
        }
    }

    void stop() {
        trackers.forEach(ScriptTracker::stop);
        if (watcher != null) {
            watcher.stop();
        }
    }

    private void report(String name, boolean up, Consumer<VrrpEvent> post) {
        if (used.contains(name)) {
            post.accept(new VrrpEvent.TrackChanged(name, up));
        }
    }

    private void stateOf(String name, boolean up, List<VrrpEvent> initial) {
        if (used.contains(name)) {
            down(initial, name, up);
        }
    }

    private static void down(List<VrrpEvent> initial, String name, boolean up) {
        if (!up) {
            initial.add(new VrrpEvent.TrackChanged(name, false));
        }
    }

    private static String scriptName(String script, boolean reverse) {
        return "script:" + script + (reverse ? ":reverse" : "");
    }

    private static String interfaceName(String nic) {
        return "interface:" + nic;
    }

    private static String gateName(Inet4Address address) {
        return "gate:" + address.getHostAddress();
    }

    private Inet4Address gateAddress(String name) {
        String text = name.substring("gate:".length());
        return gates.keySet().stream().filter(a -> a.getHostAddress().equals(text)).findFirst()
                .orElseThrow();
    }
}
