package io.bramble.cluster.fence;

import java.util.Locale;

/** The fence-agents actions bramble asks for. */
public enum FenceAction {
    ON, OFF, REBOOT, STATUS, MONITOR, LIST, METADATA, VALIDATE_ALL;

    /** The word on the agent's stdin: {@code off}, {@code validate-all}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the action is aimed at one node (and so needs its plug). */
    public boolean hasTarget() {
        return this == ON || this == OFF || this == REBOOT || this == STATUS;
    }
}
