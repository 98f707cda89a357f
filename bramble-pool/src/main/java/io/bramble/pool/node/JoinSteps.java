package io.bramble.pool.node;

import io.bramble.common.time.Clock;

/**
 * The steps of one probe or join, each logged on one line with how long it took and how long
 * the whole has taken, so a slow or stuck change shows where it stood. A failure names the
 * step that did not finish; it is logged once, however many callers on the way report it.
 * One thread drives an instance.
 */
final class JoinSteps {
    private final NodeLog log;
    private final Clock clock;
    private final String subject;
    private final long startNanos;
    private long stepStartNanos;
    private String step;
    private boolean failedAlready;

    /** @param subject what the lines are about, such as {@code probe of gluster3.local} */
    JoinSteps(NodeLog log, Clock clock, String subject) {
        this.log = log;
        this.clock = clock;
        this.subject = subject;
        this.startNanos = clock.nanoTime();
    }

    /** Starts {@code name}; the step before it, if any, is logged as done. */
    void begin(String name) {
        if (step != null) {
            done();
        }
        step = name;
        stepStartNanos = clock.nanoTime();
    }

    /** Logs the running step as done. */
    void done() {
        if (step == null) {
            return;
        }
        log.event(subject + ": " + step + " took " + millisSince(stepStartNanos) + " ms ("
                + millisSince(startNanos) + " ms in all)");
        step = null;
    }

    /** Logs that the running step did not finish, and why. */
    void failed(String why) {
        if (failedAlready) {
            return;
        }
        failedAlready = true;
        String where = step == null
                ? ""
                : " at '" + step + "' after "
                        + millisSince(stepStartNanos) + " ms";
        log.event(subject + ": failed" + where + " (" + millisSince(startNanos)
                + " ms in all): " + why);
        step = null;
    }

    private long millisSince(long nanos) {
        return (clock.nanoTime() - nanos) / 1_000_000L;
    }
}
