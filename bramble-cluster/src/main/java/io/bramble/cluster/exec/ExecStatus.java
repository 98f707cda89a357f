package io.bramble.cluster.exec;

/** How running an action went, apart from what the agent answered. */
public enum ExecStatus {
    /** The agent ran to its end; its exit code is the answer. */
    DONE,
    /** The agent outlived its timeout; its process group was killed. */
    TIMED_OUT,
    /** The action was cancelled before it ran (a monitor before a stop). */
    CANCELLED,
    /** The agent's program is not there, or cannot be run. */
    NOT_INSTALLED
}
