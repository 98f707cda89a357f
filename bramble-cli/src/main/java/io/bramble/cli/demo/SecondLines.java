package io.bramble.cli.demo;

import java.util.OptionalLong;

/**
 * The seconds of the client that the demo printed as lines, and the steps' windows made of
 * them. A step's window holds exactly the seconds whose lines were printed between its
 * heading and the next step's, so that every failure those lines show is counted for it:
 * <ul>
 * <li>{@link #open} at a step's heading starts its window where the printed lines stand;
 * <li>{@link #due} gives the next whole second to print, while not paused;
 * <li>{@link #close} ends the window at the last printed second and pauses the lines, so
 * that a second that passes before the next heading is printed under it, in its window.
 * </ul>
 * The requests of a window are counted once every request sent in it has come back
 * ({@link Samples#recordedUntil}): one under way when its second was printed (a read that
 * stopped later) is counted too. Not thread-safe: the demo prints a line, a heading or a
 * step's result under one lock with the call that places it.
 */
final class SecondLines {
    static final long SECOND_MS = 1_000;

    /** The lines printed cover the requests sent before this, in ms since the start. */
    private long printedUntilMs;
    private boolean paused = true;

    /** Lines start with the second that holds {@code nowMs}. */
    void start(long nowMs) {
        printedUntilMs = nowMs / SECOND_MS * SECOND_MS;
        paused = false;
    }

    /** Starts a step's window, at its heading; lines go on. */
    long open() {
        paused = false;
        return printedUntilMs;
    }

    /**
     * The end of the next second to print at {@code nowMs} (its line shows the requests
     * sent in the second before), or empty when paused or none is due. Seconds missed while
     * paused come one by one.
     */
    OptionalLong due(long nowMs) {
        if (paused || printedUntilMs + SECOND_MS > nowMs) {
            return OptionalLong.empty();
        }
        printedUntilMs += SECOND_MS;
        return OptionalLong.of(printedUntilMs);
    }

    /** The second a step that ends at {@code nowMs} waits for: the one under way. */
    static long endOfSecond(long nowMs) {
        return (nowMs / SECOND_MS + 1) * SECOND_MS;
    }

    /** True once the lines printed reach {@code endMs}. */
    boolean reached(long endMs) {
        return printedUntilMs >= endMs;
    }

    /** Ends a step's window at the lines printed so far and pauses them; returns its end. */
    long close() {
        paused = true;
        return printedUntilMs;
    }
}
