package io.bramble.lb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.ServerOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of {@code option log-health-checks} over a server's ups and downs. */
class HealthCheckLineTest {
    private static final CheckResult PASSED = CheckResult.of(CheckStatus.L4OK, "", 1);
    private static final CheckResult REFUSED = CheckResult.of(CheckStatus.L4CON,
            "Connection refused", 2);

    private final ServerHealth health = new ServerHealth(ServerOptions.DEFAULTS.withCheck(true),
            new ManualClock());
    private final List<String> lines = new ArrayList<>();

    private void check(CheckResult result) {
        CheckResult previous = health.lastResult();
        int counterBefore = health.healthCounter();
        health.onCheck(result);
        HealthCheckLine.of("b/s", false, previous, result, counterBefore, health, false)
                .ifPresent(lines::add);
    }

    @Test
    void aCheckIsLoggedWhenItMovesTheCounterOrChangesTheStatus() {
        check(PASSED);
        check(PASSED);
        check(REFUSED);
        check(REFUSED);
        check(REFUSED);
        check(REFUSED);
        check(PASSED);
        check(PASSED);
        String passed = "Health check for server b/s succeeded, reason: Layer4 check passed, "
                + "check duration: 1ms, status: ";
        String failed = "Health check for server b/s failed, reason: Layer4 connection "
                + "problem, info: \"Connection refused\", check duration: 2ms, status: ";
        assertThat(lines).containsExactly(passed + "3/3 UP.", failed + "2/3 UP.",
                failed + "1/3 UP.", failed + "0/2 DOWN.", passed + "1/2 DOWN.",
                passed + "3/3 UP.");
    }

    @Test
    void backupAndDrainingServersAreNamedSoAndHttpCodesShown() {
        CheckResult wrongStatus = new CheckResult(CheckStatus.L7STS, 503, "HTTP status check "
                + "returned code <503>", 3);
        assertThat(HealthCheckLine.of("b/s", true, null, wrongStatus, 2, health, true))
                .contains("Health check for backup server b/s failed, reason: Layer7 wrong "
                        + "status, code: 503, info: \"HTTP status check returned code <503>\", "
                        + "check duration: 3ms, status: 1/3 DRAIN.");
    }
}
