package io.bramble.cli.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.config.Diagnostic;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSummaryTest {
    private static final Location WHERE = new Location("k.conf", 3);

    @Test
    void aValidFileCountsItsInstancesAndWarnings() {
        assertThat(CheckSummary.valid("k.conf", 2, 0, List.of())).isEqualTo(
                "k.conf: configuration is valid (2 instances): 0 errors, 0 warnings");
        assertThat(CheckSummary.valid("k.conf", 1, 0, messages(0, 1))).isEqualTo(
                "k.conf: configuration is valid (1 instance): 0 errors, 1 warning");
    }

    @Test
    void virtualServersAreCountedWhenThereAreSome() {
        assertThat(CheckSummary.valid("k.conf", 0, 2, List.of())).isEqualTo(
                "k.conf: configuration is valid (0 instances, 2 virtual servers): 0 errors, "
                        + "0 warnings");
    }

    @Test
    void anInvalidFileCountsErrorsAndWarningsApart() {
        assertThat(CheckSummary.invalid("k.conf", messages(1, 3))).isEqualTo(
                "k.conf: configuration is not valid: 1 error, 3 warnings");
        assertThat(CheckSummary.invalid("k.conf", messages(2, 0))).isEqualTo(
                "k.conf: configuration is not valid: 2 errors, 0 warnings");
    }

    @Test
    void saysWhenMessagesWereLeftOut() {
        assertThat(CheckSummary.invalid("k.conf", messages(Diagnostics.STORED_MAX, 0)))
                .endsWith(": 1000 errors, 0 warnings and more not shown");
    }

    private static List<Diagnostic> messages(int errors, int warnings) {
        Diagnostics diagnostics = new Diagnostics();
        for (int i = 0; i < errors; i++) {
            diagnostics.error(WHERE, "priority", "bad");
        }
        for (int i = 0; i < warnings; i++) {
            diagnostics.warning(WHERE, "smtp_server", "no mail");
        }
        return diagnostics.all();
    }
}
