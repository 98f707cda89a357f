package io.bramble.lvs.check;

import io.bramble.lvs.config.CheckTiming;
import java.time.Duration;

/**
 * When a checker decides, as keepalived's checkers do: while its server is up, a failed
 * attempt is retried {@code retry} times, {@code delay_before_retry} apart, before the server
 * is declared down; one passing attempt brings a down server back. Between decisions it runs
 * every {@code delay_loop}. Pure: the caller runs the attempts and waits the delays.
 */
public final class Retries {
    /** What one attempt decided and how long to wait before the next. */
    public record Step(Verdict verdict, Duration next) {}

    /** A change of the server's state, or none. */
    public enum Verdict {
        NONE, UP, DOWN
    }

    private final CheckTiming timing;
    private boolean up;
    private int failures;

    /** @param up the state before the first attempt: down with {@code alpha} */
    public Retries(CheckTiming timing, boolean up) {
        this.timing = timing;
        this.up = up;
    }

    public boolean up() {
        return up;
    }

    /** An attempt passed or failed. */
    public Step attempted(boolean passed) {
        if (passed) {
            failures = 0;
            Verdict verdict = up ? Verdict.NONE : Verdict.UP;
            up = true;
            return new Step(verdict, timing.delayLoop());
        }
        if (!up) {
            return new Step(Verdict.NONE, timing.delayLoop());
        }
        failures++;
        if (failures <= timing.retry()) {
            return new Step(Verdict.NONE, timing.delayBeforeRetry());
        }
        failures = 0;
        up = false;
        return new Step(Verdict.DOWN, timing.delayLoop());
    }
}
