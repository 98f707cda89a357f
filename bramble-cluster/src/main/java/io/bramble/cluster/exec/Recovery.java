package io.bramble.cluster.exec;

/** What the cluster does about a failed action, by the kind of its exit code. */
public enum Recovery {
    /** A transient failure: restart the resource where it is, or move it. */
    SOFT,
    /** A failure of this node: move the resource and keep it off this node. */
    HARD,
    /** A failure everywhere (a bad configuration): stop it and start it on no node. */
    FATAL
}
