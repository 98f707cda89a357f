package io.bramble.lb.balance;

/**
 * HAProxy's {@code slowstart} ramp, as its 2.6 documentation and server code define it: a
 * server coming back UP starts at 1/16 of its weight (for the algorithms whose weights change
 * live) and at one connection of its maxconn, and gains weight in sixteenths and maxconn in
 * whole percents of the elapsed seconds, reaching both in full when the slowstart time has
 * passed. Pure; times are whole seconds, as HAProxy counts them.
 */
final class SlowStart {
    /** Sixteenths of its weight a server has when not warming up (HAProxy's weight scale). */
    static final int FULL = 16;

    private SlowStart() {
    }

    /** {@code slowstart} in whole seconds, rounded up as HAProxy stores it. */
    static long seconds(long slowstartMs) {
        return (slowstartMs + 999) / 1000;
    }

    /** Sixteenths of the weight after {@code elapsedS}: from 1, reaching 16 at the end. */
    static int warmth(long elapsedS, long slowstartS) {
        return (int) Math.min(FULL, (FULL * elapsedS + slowstartS) / slowstartS);
    }

    /**
     * The connections the server takes after {@code elapsedS}: {@code maxconn} times the
     * whole percent elapsed, at least one; 0 (no limit) stays 0.
     */
    static int maxconn(int maxconn, long elapsedS, long slowstartS) {
        if (maxconn == 0 || elapsedS >= slowstartS) {
            return maxconn;
        }
        long percent = 100 * elapsedS / slowstartS;
        return (int) Math.max(1, maxconn * percent / 100);
    }
}
