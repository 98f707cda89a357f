package io.bramble.vrrp.core;

import io.bramble.common.check.Checks;

/**
 * Something an instance watches that changes its effective priority: a script, an interface,
 * a load balancer's health. A positive weight is added while the object is up, a negative
 * weight is added while it is down, and weight 0 puts the instance in FAULT while it is down
 * (keepalived's rules).
 *
 * @param name unique within the node, such as {@code script:chk_haproxy} or
 *        {@code interface:eth0}
 * @param weight -254 to 254
 */
public record TrackedObject(String name, int weight) {
    public static final int WEIGHT_MAX = 254;

    public TrackedObject {
        Checks.argument(name != null && !name.isBlank(), "a tracked object needs a name");
        Checks.inRange(weight, -WEIGHT_MAX, WEIGHT_MAX, "weight of " + name);
    }

    /** True when this object being down means FAULT rather than a lower priority. */
    public boolean faultsWhenDown() {
        return weight == 0;
    }

    /** How much this object adds to the priority in the given state. */
    public int priorityDelta(boolean up) {
        if (weight > 0) {
            return up ? weight : 0;
        }
        return up ? 0 : weight;
    }
}
