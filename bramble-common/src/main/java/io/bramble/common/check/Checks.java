package io.bramble.common.check;

/**
 * Always-on invariant checks. Java's {@code assert} is off by default; these stay on in
 * production because a broken invariant in a cluster is worse than a failed request.
 */
public final class Checks {
    private Checks() {
    }

    /** Fails with {@link IllegalStateException} when an invariant does not hold. */
    public static void invariant(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("invariant broken: " + what);
        }
    }

    /** Fails with {@link IllegalArgumentException} when a caller passed a bad argument. */
    public static void argument(boolean holds, String what) {
        if (!holds) {
            throw new IllegalArgumentException(what);
        }
    }

    /** Returns {@code value} when it lies in [{@code min}, {@code max}], else fails naming it. */
    public static long inRange(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
