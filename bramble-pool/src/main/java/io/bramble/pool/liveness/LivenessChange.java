package io.bramble.pool.liveness;

import java.util.UUID;

/** A member went from one state to another at monotonic time {@code atNanos}, and why. */
public record LivenessChange(UUID member, PeerState from, PeerState to, Cause cause,
        long atNanos) {
    /** What moved the member. */
    public enum Cause {
        /** Heard for the first time since tracked. */
        HEARD(""),
        /** Heard again after it was lost. */
        HEARD_AGAIN(""), CONNECTION_CLOSED(" (connection closed)"), SILENT(" (silent too long)");

        private final String shown;

        Cause(String shown) {
            this.shown = shown;
        }

        /** The words the node's log adds after the new state. */
        public String shown() {
            return shown;
        }
    }
}
