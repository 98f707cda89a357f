package io.bramble.lb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.ServerOptions;
import org.junit.jupiter.api.Test;

/**
 * {@link ServerHealth#proven}, the rule behind the gate of a virtual address: it follows the
 * server's UP/DOWN state (rise/fall), and a fresh process waits for one passed check.
 */
class ServerHealthProvenTest {
    private static final CheckResult OK = CheckResult.of(CheckStatus.L7OK, "HTTP 200", 1);
    private static final CheckResult REFUSED = CheckResult.of(CheckStatus.L4CON,
            "Connection refused", 0);

    private final ManualClock clock = new ManualClock();
    /** HAProxy's defaults: inter 2 s, rise 2, fall 3; the connect timeout is inter. */
    private final ServerOptions checked = ServerOptions.DEFAULTS.withCheck(true);

    @Test
    void aFreshProcessWaitsForItsFirstPassedCheck() {
        ServerHealth health = new ServerHealth(checked, clock);
        assertThat(health.takesNewTraffic()).as("UP at start, as HAProxy has it").isTrue();
        assertThat(health.proven()).isFalse();
        health.onCheck(OK);
        assertThat(health.proven()).isTrue();

        ServerHealth failsFirst = new ServerHealth(checked, clock);
        failsFirst.onCheck(REFUSED);
        assertThat(failsFirst.proven()).isFalse();
        failsFirst.onCheck(OK);
        assertThat(failsFirst.proven()).as("DOWN 1/2").isFalse();
        failsFirst.onCheck(OK);
        assertThat(failsFirst.proven()).isTrue();
    }

    /**
     * The namespace lab's repair of lb1's cut cable, step by step. The last check before the
     * cut passed; the next one began while the cable was out (its SYN was lost) and timed out
     * 40 ms after the cable was back, when lb1 had just become master again. Under the old
     * rule (the last check must have passed) that one failure closed the gate, and the
     * address went to lb2 and came back on the next check: two moves for a glitch that had
     * already ended.
     */
    @Test
    void aCheckBegunDuringABriefOutageAndFailingAfterItKeepsTheServerProven() {
        ServerHealth health = new ServerHealth(checked, clock);
        health.onCheck(OK);
        clock.advanceMillis(2_000);
        health.onCheck(OK);
        assertThat(health.proven()).isTrue();

        clock.advanceMillis(500); // the cable is cut
        clock.advanceMillis(1_500); // the next check sends its SYN into the cut cable
        clock.advanceMillis(1_960); // the cable is back: the gate is asked, it is open
        assertThat(health.proven()).isTrue();
        clock.advanceMillis(40); // the connect timeout of the check begun during the outage
        health.onCheck(CheckResult.of(CheckStatus.L4TOUT, "Connection timeout", 2_000));

        assertThat(health.statusText()).isEqualTo("UP 1/3");
        assertThat(health.proven()).as("one failed check of fall 3").isTrue();
        clock.advanceMillis(2_000);
        health.onCheck(OK);
        assertThat(health.statusText()).isEqualTo("UP");
        assertThat(health.proven()).isTrue();
    }

    @Test
    void aRealOutageClosesItOnTheFallthFailureAndRiseChecksReopenIt() {
        ServerHealth health = new ServerHealth(checked, clock);
        health.onCheck(OK);
        assertThat(health.onCheck(REFUSED)).isEqualTo(HealthChange.NONE);
        assertThat(health.proven()).isTrue();
        health.onCheck(REFUSED);
        assertThat(health.proven()).as("UP 2/3").isTrue();
        assertThat(health.onCheck(REFUSED)).isEqualTo(HealthChange.NOW_UNUSABLE);
        assertThat(health.proven()).as("DOWN after fall failures").isFalse();

        health.onCheck(OK);
        assertThat(health.proven()).as("DOWN 1/2: one check through the repair is not rise")
                .isFalse();
        health.onCheck(OK);
        assertThat(health.proven()).isTrue();
    }

    @Test
    void aLiveFailureOrAnOperatorTakesItOutAtOnce() {
        ServerHealth health = new ServerHealth(checked, clock);
        health.onCheck(OK);
        health.onLiveFailure("Connection refused", 0);
        assertThat(health.proven()).isFalse();
        health.onCheck(OK);
        health.onCheck(OK);
        assertThat(health.proven()).isTrue();
        health.setAdmin(AdminState.DRAIN);
        assertThat(health.proven()).isFalse();
        health.setAdmin(AdminState.READY);
        assertThat(health.proven()).isTrue();
    }

    @Test
    void aServerWithoutChecksIsProvenWhileItTakesTraffic() {
        ServerHealth health = new ServerHealth(ServerOptions.DEFAULTS, clock);
        assertThat(health.proven()).isTrue();
        health.setAdmin(AdminState.MAINT);
        assertThat(health.proven()).isFalse();
    }

    @Test
    void aReloadKeepsWhatWasProvenAndWhatWasNot() {
        ServerHealth proven = new ServerHealth(checked, clock);
        proven.onCheck(OK);
        proven.onCheck(REFUSED);
        assertThat(ServerHealth.carryOver(proven, checked, checked.withRise(3), clock).proven())
                .as("no new check needed after a reload").isTrue();

        ServerHealth fresh = new ServerHealth(checked, clock);
        assertThat(ServerHealth.carryOver(fresh, checked, checked, clock).proven()).isFalse();

        ServerHealth unchecked = new ServerHealth(ServerOptions.DEFAULTS, clock);
        assertThat(ServerHealth.carryOver(unchecked, ServerOptions.DEFAULTS, checked, clock)
                .proven()).as("checks just turned on: wait for one").isFalse();
    }
}
