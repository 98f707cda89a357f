package io.bramble.cluster.model;

import java.util.Locale;
import java.util.Optional;

/** What a partition without quorum does with its resources ({@code no-quorum-policy}). */
public enum NoQuorumPolicy {
    /** Stop every resource in the partition (Pacemaker's default). */
    STOP,
    /** Carry on as if the partition had quorum. */
    IGNORE,
    /** Keep running what runs; start nothing new. */
    FREEZE;

    /** The values Pacemaker knows that bramble does not implement. */
    public static final String UNSUPPORTED = "demote, suicide";

    /** The policy named {@code value} ({@code stop}, {@code ignore}, {@code freeze}). */
    public static Optional<NoQuorumPolicy> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "stop" -> Optional.of(STOP);
            case "ignore" -> Optional.of(IGNORE);
            case "freeze" -> Optional.of(FREEZE);
            default -> Optional.empty();
        };
    }

    /** The name as a CIB writes it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
