package io.bramble.fs.brick.wire;

/**
 * Gluster's ping timer, shortened: whether a connection whose calls have waited in silence
 * should ping its server, or give it up. Silence is the time since the client last heard
 * anything from the server, or since it started waiting, whichever is later; an idle
 * connection is never judged. The server answers pings on its I/O thread, so a brick that
 * is slow on its disk still answers and only a hung one (a stopped process, a host gone
 * without closing its connections) reaches the timeout.
 */
final class Liveness {
    /** What to do now. */
    enum Step {
        WAIT, PING, DROP
    }

    private Liveness() {
    }

    /**
     * @param waiting whether calls are waiting for replies
     * @param silentNs how long nothing has been heard while they wait
     * @param pinged whether a ping went out since the server was last heard
     * @param timeoutNs the ping timeout: silence this long drops the connection
     */
    static Step step(boolean waiting, long silentNs, boolean pinged, long timeoutNs) {
        if (!waiting) {
            return Step.WAIT;
        }
        if (silentNs >= timeoutNs) {
            return Step.DROP;
        }
        return silentNs >= timeoutNs / 2 && !pinged ? Step.PING : Step.WAIT;
    }

    /** How often a connection is judged: an eighth of the timeout, at least 20 ms. */
    static long checkEveryMs(long timeoutMs) {
        return Math.max(20, timeoutMs / 8);
    }
}
