package io.bramble.cli.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the demo's client saw, in order, and the questions the demo asks of it: when did a
 * change take hold, how many requests failed meanwhile. Thread-safe; keeps the last
 * {@link #SAMPLES_MAX} requests.
 */
final class Samples {
    /** About an hour and a half at the client's pace; older requests are dropped. */
    static final int SAMPLES_MAX = 100_000;

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void add(Sample sample) {
        if (samples.size() == SAMPLES_MAX) {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    /** The requests sent in {@code [fromMs, toMs)}. */
    synchronized List<Sample> between(long fromMs, long toMs) {
        List<Sample> result = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.atMs() >= fromMs && sample.atMs() < toMs) {
                result.add(sample);
            }
        }
        return result;
    }

    /**
     * The first request sent at or after {@code fromMs} that starts {@code count} answers in a
     * row all matching {@code condition}: the moment a change took hold.
     */
    Optional<Sample> settled(long fromMs, int count, Predicate<Sample> condition) {
        List<Sample> after = between(fromMs, Long.MAX_VALUE);
        int run = 0;
        for (int i = 0; i < after.size(); i++) {
            run = condition.test(after.get(i)) ? run + 1 : 0;
            if (run == count) {
                return Optional.of(after.get(i - count + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * True once every request sent before {@code untilMs} has come back: the client sends one
     * request at a time, so a recorded one sent at or after it means none before is missing.
     */
    synchronized boolean recordedUntil(long untilMs) {
        return !samples.isEmpty() && samples.peekLast().atMs() >= untilMs;
    }

    static long failures(List<Sample> samples) {
        return samples.stream().filter(Predicate.not(Sample::ok)).count();
    }
}
