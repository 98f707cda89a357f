package io.bramble.cluster.coordinate;

/** What the coordinator knows of one resource on one node. */
public enum ResourceState {
    /** Not running there: stopped, or probed and found stopped. */
    STOPPED,
    /** Running there as far as the last result says. */
    ACTIVE,
    /** A start, monitor or probe failed there: it may run and must be stopped first. */
    FAILED,
    /** A stop failed there: it may run and the coordinator does not touch it again. */
    BLOCKED,
    /** Not known: never probed, or an action was under way when its answer was lost. */
    UNKNOWN;

    /** Whether the resource may be running there. */
    public boolean mayRun() {
        return this != STOPPED;
    }
}
