package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.model.FailedAction;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {
    private static final ActionRequest START = ActionRequest.of("r",
            AgentName.ocf("heartbeat", "Dummy"), "start", 20_000, Map.of());

    @ParameterizedTest(name = "{0} with interval {1} returning {2}")
    @CsvSource({
            "start, 0, 0, SUCCEEDED, -, ok",
            "start, 0, 1, FAILED, SOFT, error",
            "start, 0, 2, FAILED, HARD, invalid parameter",
            "start, 0, 3, FAILED, HARD, unimplemented feature",
            "start, 0, 4, FAILED, HARD, insufficient privileges",
            "start, 0, 5, FAILED, HARD, not installed",
            "start, 0, 6, FAILED, FATAL, not configured",
            "start, 0, 7, FAILED, SOFT, not running",
            "start, 0, 42, FAILED, SOFT, unknown",
            "stop, 0, 7, SUCCEEDED, -, not running",
            "stop, 0, 1, FAILED, SOFT, error",
            "monitor, 10000, 0, SUCCEEDED, -, ok",
            "monitor, 10000, 7, NOT_RUNNING, -, not running",
            "monitor, 10000, 8, PROMOTED, -, promoted",
            "monitor, 10000, 9, FAILED, SOFT, promoted (failed)",
            "monitor, 10000, 5, FAILED, HARD, not installed",
            "monitor, 0, 5, NOT_RUNNING, -, not running",
            "monitor, 0, 7, NOT_RUNNING, -, not running",
            "promote, 0, 8, FAILED, SOFT, promoted"})
    void mapsExitCodesAsPacemaker(String action, long interval, int rc, Outcome.Kind kind,
            String recovery, String text) {
        ActionRequest request = START.withAction(action).withInterval(interval);
        Outcome outcome = Outcome.of(request, new ActionResult(rc, ExecStatus.DONE,
                Optional.empty(), "", 1));
        assertThat(outcome.kind()).isEqualTo(kind);
        assertThat(outcome.recovery().map(Enum::name).orElse("-")).isEqualTo(recovery);
        assertThat(outcome.text()).isEqualTo(text);
    }

    /** Its code, reason and time go with a failure, for Failed Resource Actions. */
    @Test
    void aFailureKeepsTheAgentsCodeReasonAndTime() {
        Outcome outcome = Outcome.of(START, new ActionResult(6, ExecStatus.DONE, Optional.of(
                "no config file"), "", 120));
        assertThat(outcome.failedAction("r", "n1", "start", 0, 1_700_000_000L)).isEqualTo(
                new FailedAction("r", "n1", "start", 0, 6, FailedAction.DONE, "no config file",
                        1_700_000_000L, 120));
        Outcome killed = Outcome.of(START, new ActionResult(137, ExecStatus.TIMED_OUT,
                Optional.empty(), "", 20_000));
        assertThat(killed.failedAction("r", "n1", "start", 0, 1)).isEqualTo(new FailedAction(
                "r", "n1", "start", 0, 1, FailedAction.TIMED_OUT, "", 1, 20_000));
        Outcome missing = Outcome.of(START, new ActionResult(0, ExecStatus.NOT_INSTALLED,
                Optional.empty(), "", 0));
        assertThat(missing.rc()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"status, 0, 0", "status, 1, 7", "status, 2, 7", "status, 3, 7", "status, 4, 1",
            "status, 150, 5", "status, 151, 4", "start, 0, 0", "start, 5, 5", "start, 9, 1"})
    void mapsLsbCodes(String action, int lsb, int ocf) {
        assertThat(StandardCodes.fromLsb(action, lsb)).isEqualTo(ocf);
    }
}
