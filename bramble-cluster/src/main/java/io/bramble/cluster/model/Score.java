package io.bramble.cluster.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Scores as Pacemaker adds them: integers clamped to ±{@link #INFINITY} (1,000,000), where any
 * sum with -INFINITY is -INFINITY (even INFINITY + -INFINITY) and any other sum with INFINITY
 * is INFINITY.
 */
public final class Score {
    /** Pacemaker's INFINITY: a score at or beyond it means "must" (or "must not"). */
    public static final int INFINITY = 1_000_000;

    private Score() {
    }

    /** {@code a + b} with Pacemaker's saturating rules. */
    public static int add(int a, int b) {
        if (a <= -INFINITY || b <= -INFINITY) {
            return -INFINITY;
        }
        if (a >= INFINITY || b >= INFINITY) {
            return INFINITY;
        }
        return clamp((long) a + b);
    }

    /** {@code value} brought within ±INFINITY. */
    public static int clamp(long value) {
        return (int) Math.max(-INFINITY, Math.min(INFINITY, value));
    }

    /**
     * A score as Pacemaker reads it: an integer (clamped), {@code INFINITY}, {@code +INFINITY}
     * or {@code -INFINITY} (any case); empty when it is none of those.
     */
    public static Optional<Integer> parse(String text) {
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.equals("INFINITY") || upper.equals("+INFINITY")) {
            return Optional.of(INFINITY);
        }
        if (upper.equals("-INFINITY")) {
            return Optional.of(-INFINITY);
        }
        if (!t.matches("[+-]?\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(clamp(Long.parseLong(t)));
    }

    /** {@code INFINITY}, {@code -INFINITY} or the integer, as Pacemaker prints scores. */
    public static String format(int score) {
        if (score >= INFINITY) {
            return "INFINITY";
        }
        if (score <= -INFINITY) {
            return "-INFINITY";
        }
        return Integer.toString(score);
    }
}
