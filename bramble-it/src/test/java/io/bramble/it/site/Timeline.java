package io.bramble.it.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the client saw, read from {@link ClientLoop}'s lines: each request's send time and
 * answer, in order. Lines that are not requests (JVM warnings) are skipped.
 */
final class Timeline {
    /** One request: when it was sent (epoch ms), how long it took, and what came back. */
    record Sample(long atMs, long tookMs, Answer answer) {
        /** When the answer (or the failure) came. */
        long doneMs() {
            return atMs + tookMs;
        }
    }

    private final List<Sample> samples;

    private Timeline(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    static Timeline parse(String log) {
        List<Sample> samples = new ArrayList<>();
        for (String line : log.split("\n")) {
            String[] words = line.strip().split(" ", 4);
            if (words.length < 4 || !words[0].matches("\\d{13}") || !words[1].matches(
                    "\\d{1,9}")) {
                continue;
            }
            long at = Long.parseLong(words[0]);
            long took = Long.parseLong(words[1]);
            if (words[2].equals("ok")) {
                String[] names = words[3].split(" ");
                samples.add(new Sample(at, took, new Answer(names[0], names.length > 1
                        ? names[1]
                        : "", true)));
            } else {
                samples.add(new Sample(at, took, Answer.failed(words[3])));
            }
        }
        return new Timeline(samples);
    }

    /** The requests sent at or after {@code fromMs}. */
    List<Sample> since(long fromMs) {
        return samples.stream().filter(s -> s.atMs() >= fromMs).toList();
    }

    /** The requests sent in {@code [fromMs, toMs)}. */
    List<Sample> between(long fromMs, long toMs) {
        return samples.stream().filter(s -> s.atMs() >= fromMs && s.atMs() < toMs).toList();
    }

    /** The first request at or after {@code fromMs} whose answer matches. */
    Optional<Sample> first(long fromMs, Predicate<Answer> condition) {
        return since(fromMs).stream().filter(s -> condition.test(s.answer())).findFirst();
    }

    /** The last request sent before {@code beforeMs} whose answer matches. */
    Optional<Sample> lastBefore(long beforeMs, Predicate<Answer> condition) {
        return samples.reversed().stream().filter(s -> s.atMs() < beforeMs && condition.test(s
                .answer())).findFirst();
    }

    /**
     * The first request at or after {@code fromMs} from which on {@code count} answers in a
     * row match: the moment the change took hold.
     */
    Optional<Sample> settled(long fromMs, int count, Predicate<Answer> condition) {
        return settled(fromMs, count, condition, window -> true);
    }

    /**
     * The first request at or after {@code fromMs} that starts {@code count} requests in a row
     * matching one by one and, as a whole, {@code together}.
     */
    Optional<Sample> settled(long fromMs, int count, Predicate<Answer> condition,
            Predicate<List<Sample>> together) {
        List<Sample> after = since(fromMs);
        for (int i = 0; i + count <= after.size(); i++) {
            List<Sample> window = after.subList(i, i + count);
            if (window.stream().allMatch(s -> condition.test(s.answer())) && together.test(
                    window)) {
                return Optional.of(after.get(i));
            }
        }
        return Optional.empty();
    }

    static long failures(List<Sample> samples) {
        return samples.stream().filter(s -> !s.answer().ok()).count();
    }

    int size() {
        return samples.size();
    }
}
