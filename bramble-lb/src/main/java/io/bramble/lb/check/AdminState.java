package io.bramble.lb.check;

/** What an operator set from the stats page: HAProxy's READY, DRAIN and MAINT. */
public enum AdminState {
    /** Normal: traffic follows health. */
    READY,
    /** No new sessions, but persistent (cookie) sessions still reach the server. */
    DRAIN,
    /** No traffic at all, checks stopped. */
    MAINT
}
