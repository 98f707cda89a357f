package io.bramble.vrrp.core;

import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import io.bramble.vrrp.core.VrrpEvent.AdvertReceived;
import io.bramble.vrrp.core.VrrpEvent.Shutdown;
import io.bramble.vrrp.core.VrrpEvent.Start;
import io.bramble.vrrp.core.VrrpEvent.Tick;
import io.bramble.vrrp.core.VrrpEvent.TrackChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VRRP instances of one machine and their sync groups, driven by {@link #step}: give it
 * an event, carry out the actions it returns in order, and send a {@link Tick} at
 * {@link #nextDeadlineNanos()}. Tracked objects start up; report the ones that are down
 * before {@link Start}.
 *
 * <p>
 * Not thread-safe: one thread drives a node.
 */
public final class VrrpNode {
    private final Clock clock;
    private final Map<String, VrrpInstance> instances = new LinkedHashMap<>();
    private final List<SyncGroup> groups = new ArrayList<>();

    public VrrpNode(List<InstanceSettings> settings, List<SyncGroupSettings> syncGroups,
            Clock clock) {
        this.clock = clock;
        for (InstanceSettings each : settings) {
            Checks.argument(instances.put(each.name(), new VrrpInstance(each)) == null,
                    "two instances are named " + each.name());
        }
        Set<String> grouped = new HashSet<>();
        for (SyncGroupSettings group : syncGroups) {
            List<VrrpInstance> members = new ArrayList<>();
            for (String member : group.members()) {
                Checks.argument(grouped.add(member),
                        "instance " + member + " is in two sync groups");
                members.add(instance(member));
            }
            groups.add(new SyncGroup(group.name(), members));
        }
    }

    /** Processes one event and returns what to do, in order. */
    public List<VrrpAction> step(VrrpEvent event) {
        long now = clock.nanoTime();
        List<VrrpAction> out = new ArrayList<>();
        switch (event) {
            case Start start -> instances.values().forEach(i -> i.start(now, out));
            case Tick tick -> instances.values().forEach(i -> i.tick(now, out));
            case Shutdown shutdown -> instances.values().forEach(i -> i.shutdown(now, out));
            case AdvertReceived received -> instance(received.instance())
                    .receive(received.advert(), now, out);
            case TrackChanged changed -> trackChanged(changed, now, out);
        }
        if (!(event instanceof Shutdown)) {
            for (SyncGroup group : groups) {
                group.apply(now, List.copyOf(out), out);
            }
        }
        return out;
    }

    /** When the next {@link Tick} is due, in {@link Clock#nanoTime()}; MAX_VALUE for never. */
    public long nextDeadlineNanos() {
        long next = VrrpInstance.NONE;
        for (VrrpInstance instance : instances.values()) {
            next = Math.min(next, instance.nextDeadline());
        }
        return next;
    }

    public VrrpState state(String instance) {
        return instance(instance).state();
    }

    public int effectivePriority(String instance) {
        return instance(instance).effectivePriority();
    }

    /** The instance names in config order. */
    public List<String> instanceNames() {
        return List.copyOf(instances.keySet());
    }

    public InstanceSettings settings(String instance) {
        return instance(instance).settings();
    }

    private void trackChanged(TrackChanged changed, long now, List<VrrpAction> out) {
        boolean known = false;
        for (VrrpInstance instance : instances.values()) {
            if (instance.tracks(changed.tracked())) {
                known = true;
                instance.trackChanged(changed.tracked(), changed.up(), now, out);
            }
        }
        Checks.argument(known, "no instance tracks " + changed.tracked());
    }

    private VrrpInstance instance(String name) {
        VrrpInstance instance = instances.get(name);
        Checks.argument(instance != null, "no VRRP instance named " + name);
        return instance;
    }
}
