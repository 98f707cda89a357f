package io.bramble.vrrp.core;

import io.bramble.common.check.Checks;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the state machine needs to know about one VRRP instance. Addresses, interfaces and
 * scripts belong to the shell; here are only the numbers that decide who is master.
 *
 * @param name the instance's name from the config ({@code VI_1})
 * @param virtualRouterId 1 to 255, the same on every router of the group
 * @param version protocol version
 * @param priority configured priority, 1 to 255 (255: address owner, never changed by tracking)
 * @param advertIntervalMs interval between adverts as master; whole seconds for version 2,
 *        whole centiseconds for version 3
 * @param preempt whether a higher priority backup takes over from a lower priority master
 * @param preemptDelayMs how long after start, or after first seeing a lower priority master, a
 *        backup waits before it preempts
 * @param primaryAddress this router's address in the adverts, breaks priority ties
 * @param garpRepeat gratuitous ARPs sent per address on becoming master
 * @param garpRefreshDelayMs when a second set of gratuitous ARPs follows; 0 for none
 * @param tracked objects that change the effective priority or cause FAULT
 */
public record InstanceSettings(String name, int virtualRouterId, VrrpVersion version,
        int priority, int advertIntervalMs, boolean preempt, long preemptDelayMs,
        InetAddress primaryAddress, int garpRepeat, long garpRefreshDelayMs,
        List<TrackedObject> tracked) {
    public static final int PRIORITY_OWNER = 255;
    public static final int PRIORITY_EFFECTIVE_MAX = 254;
    public static final int V2_ADVERT_INTERVAL_MS_MAX = 255_000;
    public static final int V3_ADVERT_INTERVAL_MS_MIN = 10;
    public static final int V3_ADVERT_INTERVAL_MS_MAX = 40_950;
    public static final long PREEMPT_DELAY_MS_MAX = 1_000_000;
    public static final int GARP_REPEAT_MAX = 100;

    public InstanceSettings {
        Checks.argument(name != null && !name.isBlank(), "an instance needs a name");
        Checks.inRange(virtualRouterId, 1, 255, "virtual_router_id");
        Checks.argument(version != null, "version is required");
        Checks.inRange(priority, 1, PRIORITY_OWNER, "priority");
        checkAdvertInterval(version, advertIntervalMs);
        Checks.inRange(preemptDelayMs, 0, PREEMPT_DELAY_MS_MAX, "preempt_delay in ms");
        Checks.argument(primaryAddress != null, name + ": a primary address is required");
        Checks.inRange(garpRepeat, 0, GARP_REPEAT_MAX, "garp repeat");
        Checks.argument(garpRefreshDelayMs >= 0, "garp delay must not be negative");
        tracked = List.copyOf(tracked);
        Set<String> names = new HashSet<>();
        for (TrackedObject object : tracked) {
            Checks.argument(names.add(object.name()), name + ": tracks " + object.name()
                    + " twice");
        }
    }

    /** Settings with keepalived's defaults for what the seeds' configs leave out. */
    public static InstanceSettings of(String name, int virtualRouterId, int priority,
            InetAddress primaryAddress) {
        return new InstanceSettings(name, virtualRouterId, VrrpVersion.V3, priority, 100, true,
                0, primaryAddress, 5, 5_000, List.of());
    }

    private static void checkAdvertInterval(VrrpVersion version, int intervalMs) {
        if (version == VrrpVersion.V2) {
            Checks.argument(intervalMs >= 1_000 && intervalMs <= V2_ADVERT_INTERVAL_MS_MAX
                    && intervalMs % 1_000 == 0,
                    "VRRP version 2 needs advert_int in whole seconds from 1 to 255, got "
                            + intervalMs + " ms");
        } else {
            Checks.argument(intervalMs >= V3_ADVERT_INTERVAL_MS_MIN
                    && intervalMs <= V3_ADVERT_INTERVAL_MS_MAX && intervalMs % 10 == 0,
                    "VRRP version 3 needs advert_int from 0.01 to 40.95 s in hundredths, got "
                            + intervalMs + " ms");
        }
    }

    public InstanceSettings withTracked(List<TrackedObject> objects) {
        return new InstanceSettings(name, virtualRouterId, version, priority, advertIntervalMs,
                preempt, preemptDelayMs, primaryAddress, garpRepeat, garpRefreshDelayMs, objects);
    }

    public InstanceSettings withPreempt(boolean on, long delayMs) {
        return new InstanceSettings(name, virtualRouterId, version, priority, advertIntervalMs,
                on, delayMs, primaryAddress, garpRepeat, garpRefreshDelayMs, tracked);
    }

    public InstanceSettings withTiming(VrrpVersion newVersion, int intervalMs) {
        return new InstanceSettings(name, virtualRouterId, newVersion, priority, intervalMs,
                preempt, preemptDelayMs, primaryAddress, garpRepeat, garpRefreshDelayMs,
                tracked);
    }

    public InstanceSettings withGarp(int repeat, long refreshDelayMs) {
        return new InstanceSettings(name, virtualRouterId, version, priority, advertIntervalMs,
                preempt, preemptDelayMs, primaryAddress, repeat, refreshDelayMs, tracked);
    }
}
