package io.bramble.cluster.heartbeat;

/** {@code auto_failback} in ha.cf: whether resources go back to their node when it returns. */
public enum AutoFailback {
    /** They go back (Heartbeat's default since 1.2). */
    ON,
    /** They stay where they run ({@code nice_failback on} in older files). */
    OFF,
    /** ON where every node knows auto_failback; bramble's nodes all do. */
    LEGACY
}
