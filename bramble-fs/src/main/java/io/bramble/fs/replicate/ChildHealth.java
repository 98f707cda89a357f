package io.bramble.fs.replicate;

import io.bramble.common.time.Clock;
import java.util.function.IntConsumer;

/**
 * Which copies are worth sending calls to. A copy that did not answer (ENOTCONN, ETIMEDOUT)
 * is left out, and blamed for the changes it misses, until {@code downRetryMs} passed; then
 * the next call tries it again. The pool's liveness may also say a copy is down, which holds
 * until it says the copy is back.
 */
final class ChildHealth {
    private final Clock clock;
    private final long retryNs;
    private final IntConsumer backUp;
    private final boolean[] down;
    private final boolean[] heldDown;
    private final long[] downSinceNs;

    ChildHealth(int count, Clock clock, long downRetryMs, IntConsumer backUp) {
        this.clock = clock;
        this.retryNs = downRetryMs * 1_000_000L;
        this.backUp = backUp;
        this.down = new boolean[count];
        this.heldDown = new boolean[count];
        this.downSinceNs = new long[count];
    }

    /** The copies to send calls to now. */
    synchronized ChildSet up() {
        long now = clock.nanoTime();
        ChildSet up = ChildSet.NONE;
        for (int i = 0; i < down.length; i++) {
            boolean retry = down[i] && !heldDown[i] && now - downSinceNs[i] >= retryNs;
            if (!down[i] || retry) {
                up = up.with(i);
            }
        }
        return up;
    }

    /** The copy answered (whatever it said): it is up. */
    void answered(int child) {
        boolean cameBack;
        synchronized (this) {
            cameBack = down[child] && !heldDown[child];
            if (cameBack) {
                down[child] = false;
            }
        }
        if (cameBack) {
            backUp.accept(child);
        }
    }

    /** The copy did not answer. */
    synchronized void unreachable(int child) {
        if (!down[child]) {
            down[child] = true;
        }
        downSinceNs[child] = clock.nanoTime();
    }

    /** The pool says the copy is down: no call goes to it until {@link #reportedUp}. */
    synchronized void reportedDown(int child) {
        heldDown[child] = true;
        down[child] = true;
        downSinceNs[child] = clock.nanoTime();
    }

    void reportedUp(int child) {
        synchronized (this) {
            heldDown[child] = false;
            down[child] = false;
        }
        backUp.accept(child);
    }
}
