package io.bramble.it.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 001's client ({@code date > test1; cat test1} in a loop): every
 * {@value #INTERVAL_MS} ms it writes a numbered date to a file through the mount and reads the
 * file back, and keeps what each round saw, labelled with the phase of the test it started
 * in. The number makes "older" exact: a round that reads a smaller number than the last
 * write that succeeded read old data.
 */
final class DateLoop implements Runnable {
    static final long INTERVAL_MS = 200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
            "EEE MMM d HH:mm:ss.SSS zzz yyyy", Locale.ROOT);

    /**
     * One write and read back.
     *
     * @param phase what the test was doing when the round started
     * @param number the number written
     * @param endNanos when the round ended
     * @param writeError why the write failed, or null
     * @param readNumber the number read back, -1 for content that has none, or
     *     {@link Long#MIN_VALUE} when the read failed
     * @param readError why the read failed, or null
     */
    record Round(String phase, long number, long endNanos, String writeError, long readNumber,
            String readError) {
        boolean wrote() {
            return writeError == null;
        }

        boolean read() {
            return readError == null;
        }

        /** The write and the read both worked and the read saw this round's number. */
        boolean clean() {
            return wrote() && read() && readNumber == number;
        }

        @Override
        public String toString() {
            return phase + " #" + number + ": write " + (wrote() ? "ok" : writeError)
                    + ", read " + (read() ? "#" + readNumber : readError);
        }
    }

    private final Path file;
    /** Held for a whole round: a new phase starts between two rounds, never inside one. */
    private final Object roundLock = new Object();
    private final List<Round> rounds = new ArrayList<>();
    private volatile String phase = "start";
    private volatile boolean stopping;
    private Thread thread;

    DateLoop(Path file) {
        this.file = file;
    }

    synchronized void start() {
        thread = Thread.ofPlatform().daemon().name("date-loop").start(this);
    }

    /**
     * Labels the rounds that start from now on; returns once the round under way (if any) has
     * ended, so that what the test does next falls into the new phase.
     */
    void phase(String name) {
        synchronized (roundLock) {
            phase = name;
        }
    }

    /** Stops after the current round; returns once it has ended. */
    void stop() throws InterruptedException {
        stopping = true;
        thread.join();
    }

    synchronized List<Round> rounds() {
        return List.copyOf(rounds);
    }

    /** Rounds of {@code phase} so far. */
    List<Round> rounds(String phase) {
        return rounds().stream().filter(r -> r.phase().equals(phase)).toList();
    }

    /** The longest time between two writes that succeeded, in milliseconds. */
    long longestGapMs() {
        long gap = 0;
        long previous = -1;
        for (Round round : rounds()) {
            if (round.wrote()) {
                if (previous >= 0) {
                    gap = Math.max(gap, (round.endNanos() - previous) / 1_000_000);
                }
                previous = round.endNanos();
            }
        }
        return gap;
    }

    @Override
    public void run() {
        long number = 0;
        while (!stopping) {
            long started = System.nanoTime();
            synchronized (roundLock) {
                Round round = round(phase, ++number);
                synchronized (this) {
                    rounds.add(round);
                }
            }
            long left = INTERVAL_MS - (System.nanoTime() - started) / 1_000_000;
            if (left > 0 && !stopping) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Round round(String label, long number) {
        String writeError = null;
        try {
            Files.writeString(file, number + " " + ZonedDateTime.now().format(DATE) + "\n");
        } catch (IOException | RuntimeException e) {
            writeError = e.toString();
        }
        long read = Long.MIN_VALUE;
        String readError = null;
        try {
            read = numberIn(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            readError = e.toString();
        }
        return new Round(label, number, System.nanoTime(), writeError, read, readError);
    }

    private static long numberIn(String text) {
        int space = text.indexOf(' ');
        try {
            return space > 0 ? Long.parseLong(text.substring(0, space)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
