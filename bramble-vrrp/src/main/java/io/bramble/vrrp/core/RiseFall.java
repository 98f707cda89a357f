package io.bramble.vrrp.core;

import io.bramble.common.check.Checks;

/**
 * keepalived's {@code rise}/{@code fall} for a tracked script: it goes down after
 * {@code fall} failures in a row and up after {@code rise} successes in a row. It starts in
 * the given state, as keepalived assumes a script is up unless told {@code init_fail}.
 */
public final class RiseFall {
    public static final int COUNT_MAX = 1_000;

    private final int rise;
    private final int fall;
    private boolean up;
    private int streak;

    public RiseFall(int rise, int fall, boolean initiallyUp) {
        this.rise = (int) Checks.inRange(rise, 1, COUNT_MAX, "rise");
        this.fall = (int) Checks.inRange(fall, 1, COUNT_MAX, "fall");
        this.up = initiallyUp;
    }

    /** Records one result; returns true when the state changed. */
    public boolean record(boolean success) {
        if (success == up) {
            streak = 0;
            return false;
        }
        streak++;
        if (streak >= (up ? fall : rise)) {
            up = success;
            streak = 0;
            return true;
        }
        return false;
    }

    public boolean up() {
        return up;
    }
}
