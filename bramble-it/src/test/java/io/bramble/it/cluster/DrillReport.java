package io.bramble.it.cluster;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a client polling a floating IP saw around one fault, in milliseconds after it: the
 * first poll that failed, the first that succeeded after it, the first poll that found the
 * address on another node than before, and every poll that found it on two nodes at once.
 *
 * @param fault what was done, such as "kill -9 of everything on web1"
 * @param holderBefore the node holding the address at the last poll before the fault
 * @param firstFailedMs the first failed poll, empty when none failed
 * @param firstGoodMs the first successful poll after the first failed one
 * @param movedMs the first poll that found the address on another node
 * @param movedTo that node
 * @param overlapPolls polls that found the address on two nodes at once
 * @param overlapFirstMs the first of them
 * @param overlapLastMs the last of them
 */
record DrillReport(String fault, String holderBefore, OptionalLong firstFailedMs,
        OptionalLong firstGoodMs, OptionalLong movedMs, Optional<String> movedTo,
        int overlapPolls, OptionalLong overlapFirstMs, OptionalLong overlapLastMs) {

    /**
     * Reads {@code samples} (oldest first) around {@code faultNanos}; an address on a node in
     * {@code gone} is not counted.
     */
    static DrillReport of(String fault, long faultNanos, List<VipWatch.Sample> samples,
            Set<String> gone) {
        String before = samples.stream().filter(s -> s.atNanos() < faultNanos)
                .reduce((a, b) -> b).flatMap(s -> s.holders().stream().findFirst()).orElse("");
        List<VipWatch.Sample> after = samples.stream().filter(s -> s.atNanos() >= faultNanos)
                .toList();
        OptionalLong failed = OptionalLong.empty();
        OptionalLong good = OptionalLong.empty();
        OptionalLong moved = OptionalLong.empty();
        Optional<String> movedTo = Optional.empty();
        int overlap = 0;
        OptionalLong overlapFirst = OptionalLong.empty();
        OptionalLong overlapLast = OptionalLong.empty();
        for (VipWatch.Sample sample : after) {
            long ms = (sample.atNanos() - faultNanos) / 1_000_000;
            if (failed.isEmpty() && !sample.served()) {
                failed = OptionalLong.of(ms);
            } else if (failed.isPresent() && good.isEmpty() && sample.served()) {
                good = OptionalLong.of(ms);
            }
            List<String> live = sample.holders().stream().filter(n -> !gone.contains(n))
                    .toList();
            Optional<String> other = live.stream().filter(n -> !n.equals(before)).findFirst();
            if (moved.isEmpty() && other.isPresent()) {
                moved = OptionalLong.of(ms);
                movedTo = other;
            }
            if (live.size() > 1) {
                overlap++;
                overlapFirst = overlapFirst.isEmpty() ? OptionalLong.of(ms) : overlapFirst;
                overlapLast = OptionalLong.of(ms);
            }
        }
        return new DrillReport(fault, before, failed, good, moved, movedTo, overlap,
                overlapFirst, overlapLast);
    }

    /** The gap the client saw: from its first failed poll to the next good one. */
    OptionalLong gapMs() {
        return firstFailedMs.isPresent() && firstGoodMs.isPresent()
                ? OptionalLong.of(firstGoodMs.getAsLong() - firstFailedMs.getAsLong())
                : OptionalLong.empty();
    }

    /** One line for the test's output. */
    String line() {
        return fault + " (VIP on " + holderBefore + "): first failed poll "
                + ms(firstFailedMs) + ", first good poll after it " + ms(firstGoodMs)
                + ", gap " + ms(gapMs()) + ", VIP on " + movedTo.orElse("no other node")
                + " at " + ms(movedMs) + ", overlap " + (overlapPolls == 0
                        ? "none"
                        : overlapPolls + " polls from " + ms(overlapFirstMs) + " to "
                                + ms(overlapLastMs));
    }

    private static String ms(OptionalLong value) {
        return value.isPresent() ? String.format("%,d ms", value.getAsLong()) : "-";
    }
}
