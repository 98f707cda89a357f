package io.bramble.cli.demo;

import io.bramble.common.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Seed 001's client ({@code while true; do date > test1; cat test1; ...}) every
 * {@value #INTERVAL_MS} ms: writes the date to a file through the mount and reads it back. A
 * round works when both do and the read returns what was written. Counts the rounds that
 * worked and failed, and the longest time between two that worked: what a user of the
 * volume would have noticed.
 */
final class DateClient implements Runnable {
    static final long INTERVAL_MS = 200;
    /** {@code date}'s format: {@code Sat Mar  9 13:19:02 PST 2013}. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
            "EEE MMM ppd HH:mm:ss zzz yyyy", Locale.ROOT).withZone(ZoneId.systemDefault());

    /**
     * What the client saw in one second.
     *
     * @param ok rounds that worked
     * @param failed rounds that failed
     * @param lastRead the last text read back, without its newline
     * @param failure why the last failed round failed, or empty
     */
    record Second(int ok, int failed, String lastRead, String failure) {}

    /**
     * What the client saw from its start.
     *
     * @param ok rounds that worked
     * @param failed rounds that failed
     * @param longestGapMs the longest time between two rounds that worked (or from the last
     *     one that worked to now, while the rounds since have failed)
     */
    record Totals(long ok, long failed, long longestGapMs) {}

    private final Path file;
    private final Clock clock;
    private volatile boolean stopping;
    private long ok;
    private long failed;
    private long lastOkNanos = -1;
    /** Whether the rounds since the last one that worked all failed. */
    private boolean failingNow;
    private long longestGapMs;
    private int secondOk;
    private int secondFailed;
    private String lastRead = "";
    private String failure = "";

    DateClient(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (!stopping) {
            long started = clock.nanoTime();
            round();
            long leftMs = INTERVAL_MS - (clock.nanoTime() - started) / 1_000_000;
            if (leftMs > 0 && !stopping) {
                try {
                    Thread.sleep(leftMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Stops after the round under way. */
    void stop() {
        stopping = true;
    }

    /** One write and read back. */
    void round() {
        String written = DATE.format(Instant.ofEpochMilli(clock.epochMillis())) + "\n";
        String why;
        String read = null;
        try {
            Files.writeString(file, written);
            read = Files.readString(file);
            why = read.equals(written) ? null : "read back '" + read.strip() + "'";
        } catch (IOException | RuntimeException e) {
            why = reason(e);
        }
        record(why, read);
    }

    private synchronized void record(String why, String read) {
        if (read != null) {
            lastRead = read.strip();
        }
        if (why != null) {
            failed++;
            secondFailed++;
            failure = why;
            failingNow = true;
            return;
        }
        long now = clock.nanoTime();
        if (lastOkNanos >= 0) {
            longestGapMs = Math.max(longestGapMs, (now - lastOkNanos) / 1_000_000);
        }
        lastOkNanos = now;
        failingNow = false;
        ok++;
        secondOk++;
    }

    /** The second since the last call; starts the next one. */
    synchronized Second takeSecond() {
        Second second = new Second(secondOk, secondFailed, lastRead, secondFailed == 0
                ? ""
                : failure);
        secondOk = 0;
        secondFailed = 0;
        return second;
    }

    synchronized Totals totals() {
        long gap = longestGapMs;
        if (failingNow && lastOkNanos >= 0) {
            gap = Math.max(gap, (clock.nanoTime() - lastOkNanos) / 1_000_000);
        }
        return new Totals(ok, failed, gap);
    }

    /** The errno's words, as a shell would print them: "Transport endpoint is not connected". */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
