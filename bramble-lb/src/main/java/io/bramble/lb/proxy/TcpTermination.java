package io.bramble.lb.proxy;

/**
 * How a tcp session ended, as the first two characters of HAProxy's termination state
 * (section 8.5 of its configuration manual): who ended it ({@code C} client abort, {@code S}
 * server abort or refusal, {@code c} client timeout, {@code s} server or connect timeout,
 * {@code P} a rule) and in which phase ({@code R} before a server was chosen, {@code C} while
 * connecting, {@code D} while data flowed). The first event recorded wins, as in HAProxy: a
 * timeout that half-closes one side is not overwritten by the end of the other. Pure; confined
 * to the session's event loop.
 */
final class TcpTermination {
    /** The side whose connection an event concerns. */
    enum Side {
        CLIENT('C', 'c'), SERVER('S', 's');

        private final char aborted;
        private final char timedOut;

        Side(char aborted, char timedOut) {
            this.aborted = aborted;
            this.timedOut = timedOut;
        }
    }

    private char cause = '-';
    private char phase = '-';

    /** A {@code tcp-request content reject} rule refused the session: {@code PR}. */
    void rejected() {
        record('P', 'R');
    }

    /** No server could take the session, or the last connection attempt was refused. */
    void noServer() {
        record('S', 'C');
    }

    /** The last connection attempt ran out of {@code timeout connect}: {@code sC}. */
    void connectTimedOut() {
        record('s', 'C');
    }

    /** {@code side} reset or failed its connection; {@code connected}: a server was reached. */
    void aborted(Side side, boolean connected) {
        record(side.aborted, connected ? 'D' : 'C');
    }

    /** {@code side} stayed idle for its whole timeout. */
    void timedOut(Side side, boolean connected) {
        record(side.timedOut, connected ? 'D' : 'C');
    }

    /** The two characters, {@code --} when both sides closed normally. */
    String code() {
        return new String(new char[]{cause, phase});
    }

    private void record(char newCause, char newPhase) {
        if (cause == '-') {
            cause = newCause;
            phase = newPhase;
        }
    }
}
