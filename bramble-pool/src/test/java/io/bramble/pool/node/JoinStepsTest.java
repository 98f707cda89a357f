package io.bramble.pool.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JoinStepsTest {
    private final ManualClock clock = new ManualClock();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final NodeLog log = new NodeLog(new PrintStream(bytes, true,
            StandardCharsets.UTF_8), clock);

    private String lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines()
                .map(l -> l.substring(l.indexOf(' ') + 1)).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void eachStepIsOneLineWithItsTimeAndTheTotal() {
        JoinSteps steps = new JoinSteps(log, clock, "probe of gluster3.local");
        steps.begin("connect");
        clock.advanceMillis(40);
        steps.begin("make it a voter");
        clock.advanceMillis(1_200);
        steps.done();
        assertThat(lines()).isEqualTo("""
                probe of gluster3.local: connect took 40 ms (40 ms in all)
                probe of gluster3.local: make it a voter took 1200 ms (1240 ms in all)
                """);
    }

    @Test
    void aFailureNamesTheStepThatDidNotFinish() {
        JoinSteps steps = new JoinSteps(log, clock, "probe of gluster3.local");
        clock.advanceMillis(10);
        steps.begin("make it a voter");
        clock.advanceMillis(15_000);
        steps.failed("not committed within 15 s");
        steps.failed("the same failure, seen by the caller");
        assertThat(lines()).isEqualTo("""
                probe of gluster3.local: failed at 'make it a voter' after 15000 ms \
                (15010 ms in all): not committed within 15 s
                """);
    }

    @Test
    void aFailureOutsideAnyStepSaysSo() {
        JoinSteps steps = new JoinSteps(log, clock, "join of pool 7");
        clock.advanceMillis(5);
        steps.failed("refused");
        assertThat(lines()).isEqualTo("join of pool 7: failed (5 ms in all): refused\n");
    }
}
