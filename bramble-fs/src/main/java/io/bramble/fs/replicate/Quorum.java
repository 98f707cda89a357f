package io.bramble.fs.replicate;

import io.bramble.common.check.Checks;

/**
 * How many copies must take a change before it is acknowledged, and how many must answer
 * before a read is trusted: Gluster's {@code cluster.quorum-type} and {@code quorum-count}.
 * Write and read counts are chosen so that every read quorum meets every write quorum: some
 * copy that answers a read took each acknowledged change, and its markers blame the copies
 * that missed it.
 *
 * <p>{@code auto} on replica 2 cannot have a majority of one, so a change may go to one copy
 * alone only after a tie-breaker ({@link StaleRecorder}, the pool's store) recorded the other
 * copy as stale; a copy read alone must not be recorded stale there.
 */
public record Quorum(Type type, int count) {
    public enum Type {
        /** Any one copy: Gluster's default for replica 2, and how split-brains are made. */
        NONE,
        /** More than half the copies (replica 2: one, with the tie-breaker's word). */
        AUTO,
        /** At least {@code count} copies. */
        FIXED
    }

    public static final Quorum AUTO = new Quorum(Type.AUTO, 0);
    public static final Quorum NONE = new Quorum(Type.NONE, 0);

    public Quorum {
        Checks.argument(type == Type.FIXED ? count >= 1 : count == 0,
                "a quorum count goes with quorum-type fixed only, and is at least 1");
    }

    public static Quorum fixed(int count) {
        return new Quorum(Type.FIXED, count);
    }

    /**
     * Reads the volume options {@code cluster.quorum-type} ({@code auto}, {@code none},
     * {@code fixed}) and {@code cluster.quorum-count}; null values mean unset.
     */
    public static Quorum parse(String type, String count) {
        String chosen = type == null ? "auto" : type;
        return switch (chosen) {
            case "auto" -> AUTO;
            case "none" -> NONE;
            case "fixed" -> {
                if (count == null || !count.matches("[1-9][0-9]{0,2}")) {
                    throw new IllegalArgumentException(
                            "cluster.quorum-type fixed needs cluster.quorum-count, a number from"
                                    + " 1, not '" + count + "'");
                }
                yield fixed(Integer.parseInt(count));
            }
            default -> throw new IllegalArgumentException("cluster.quorum-type is auto, none or"
                    + " fixed, not '" + type + "'");
        };
    }

    /** Fails when this quorum cannot be met by {@code replicaCount} copies. */
    void check(int replicaCount) {
        Checks.argument(type != Type.FIXED || count <= replicaCount, "quorum-count " + count
                + " is more than the " + replicaCount + " copies");
    }

    /** Whether {@code takers} copies that took a change are enough on their own. */
    public boolean writeMet(int takers, int replicaCount) {
        return switch (type) {
            case NONE -> takers >= 1;
            case AUTO -> takers * 2 > replicaCount;
            case FIXED -> takers >= count;
        };
    }

    /** Whether {@code takers} copies are enough once the tie-breaker has recorded the rest. */
    public boolean tieBreakable(int takers, int replicaCount) {
        return type == Type.AUTO && replicaCount == 2 && takers == 1;
    }

    /** Whether a read may trust the markers of {@code answering} copies. */
    public boolean readMet(int answering, int replicaCount) {
        return switch (type) {
            case NONE -> answering >= 1;
            case AUTO -> replicaCount == 2 ? answering >= 1 : answering * 2 > replicaCount;
            case FIXED -> answering >= replicaCount - count + 1;
        };
    }

    /**
     * The fewest copies that share a copy with every set of takers that may have a change
     * acknowledged: copies this many that blame neither each other nor themselves hold every
     * acknowledged change ({@link BlameMatrix#inAgreeingGroups}). Replica 2 auto counts the
     * one taker the tie-breaker allows, so it needs both copies; {@code none} needs every
     * copy.
     */
    public int agreeingGroup(int replicaCount) {
        int fewestTakers = switch (type) {
            case NONE -> 1;
            case AUTO -> replicaCount == 2 ? 1 : replicaCount / 2 + 1;
            case FIXED -> count;
        };
        return replicaCount - fewestTakers + 1;
    }

    /** Whether a read from {@code answering} copies also needs the tie-breaker's word. */
    public boolean readNeedsTieBreaker(int answering, int replicaCount) {
        return type == Type.AUTO && replicaCount == 2 && answering == 1;
    }
}
