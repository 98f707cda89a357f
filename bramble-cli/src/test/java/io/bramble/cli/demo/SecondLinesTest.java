package io.bramble.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A step's count against the lines printed under it, replayed as the demo plays it: the
 * seconds thread prints what {@link SecondLines#due} gives, a step opens at its heading and
 * closes once the second under way is printed and its requests have come back.
 */
class SecondLinesTest {
    private final Samples samples = new Samples();
    private final SecondLines lines = new SecondLines();
    /** Failures shown by the lines printed since the last heading. */
    private long shown;

    private void tick(long nowMs) {
        for (var end = lines.due(nowMs); end.isPresent(); end = lines.due(nowMs)) {
            shown += Samples.failures(samples.between(end.getAsLong() - SecondLines.SECOND_MS,
                    end.getAsLong()));
        }
    }

    private void answers(long fromMs, long toMs) {
        for (long at = fromMs; at < toMs; at += Probe.INTERVAL_MS) {
            samples.add(Sample.ok(at, 2, "web2", "lb1"));
        }
    }

    private long heading() {
        shown = 0;
        return lines.open();
    }

    @Test
    void aFailureALineShowsJustBeforeTheResultIsCountedInIt() {
        lines.start(300);
        answers(300, 1_000);
        tick(1_000);
        long from = heading();
        answers(1_000, 5_950);
        tick(5_000);
        // The step ends at 5,990 ms, while the request sent at 5,950 is under way; it fails
        // at 5,995 and the line of 6,000 shows it.
        long end = SecondLines.endOfSecond(5_990);
        assertThat(lines.reached(end)).isFalse();
        samples.add(Sample.failed(5_950, 45, "the answer stopped after 0 of 31 bytes"));
        tick(6_000);
        assertThat(shown).isEqualTo(1);
        assertThat(lines.reached(end)).isTrue();
        long until = lines.close();
        answers(6_000, 6_050);
        assertThat(samples.recordedUntil(until)).isTrue();
        assertThat(Samples.failures(samples.between(from, until))).isEqualTo(shown);
    }

    @Test
    void secondsBetweenAResultAndTheNextHeadingCountForTheNextStep() {
        lines.start(0);
        long first = heading();
        answers(0, 2_000);
        tick(2_000);
        long until = lines.close();
        samples.add(Sample.failed(2_000, 1_000, "connection refused"));
        tick(3_000);
        assertThat(shown).as("no line while paused").isZero();
        long second = heading();
        assertThat(second).isEqualTo(until);
        answers(3_000, 4_000);
        tick(4_000);
        assertThat(shown).as("the missed second, then the next").isEqualTo(1);
        assertThat(Samples.failures(samples.between(first, until))).isZero();
        assertThat(Samples.failures(samples.between(second, lines.close()))).isEqualTo(1);
    }

    @Test
    void aRequestUnderWayWhenItsSecondIsPrintedIsCountedOnceItComesBack() {
        lines.start(0);
        long from = heading();
        answers(0, 1_950);
        tick(2_000);
        long until = lines.close();
        assertThat(samples.recordedUntil(until)).as("the request of 1,950 ms is under way")
                .isFalse();
        samples.add(Sample.failed(1_950, 1_000, "read timed out"));
        answers(2_950, 3_000);
        assertThat(samples.recordedUntil(until)).isTrue();
        assertThat(shown).isZero();
        assertThat(Samples.failures(samples.between(from, until))).isEqualTo(1);
    }
}
