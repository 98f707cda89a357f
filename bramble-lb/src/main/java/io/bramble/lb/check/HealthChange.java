package io.bramble.lb.check;

/** Whether an event changed a server's right to new traffic; the caller tells the balancer. */
public enum HealthChange {
    NONE,
    /** It takes new traffic from now on. */
    NOW_USABLE,
    /** It takes no new traffic from now on. */
    NOW_UNUSABLE
}
