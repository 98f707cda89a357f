package io.bramble.lb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.ServerOptions;
import org.junit.jupiter.api.Test;

/** A server's health across a reload: no flap, admin state kept unless the file changed it. */
class ServerHealthCarryOverTest {
    private final ManualClock clock = new ManualClock();
    private final ServerOptions checked = ServerOptions.DEFAULTS.withCheck(true);

    @Test
    void anUpServerStaysUpWithItsHistory() {
        ServerHealth old = new ServerHealth(checked, clock);
        old.onCheck(CheckResult.of(CheckStatus.L4OK, "", 1));
        old.setAdmin(AdminState.DRAIN);
        clock.advanceMillis(5_000);

        ServerHealth next = ServerHealth.carryOver(old, checked, checked.withRise(5), clock);

        assertThat(next.up()).isTrue();
        assertThat(next.admin()).isEqualTo(AdminState.DRAIN);
        assertThat(next.lastResult()).isEqualTo(old.lastResult());
        assertThat(next.sinceLastChangeMs()).isEqualTo(old.sinceLastChangeMs());
        assertThat(next.downTransitions()).isZero();
        // One failure does not take it down: it starts fully up under the new rise/fall.
        next.onCheck(CheckResult.of(CheckStatus.L4CON, "refused", 1));
        assertThat(next.up()).isTrue();
    }

    @Test
    void aDownServerStaysDownAndTheFilesDisabledFlagWins() {
        ServerHealth old = new ServerHealth(checked, clock);
        for (int i = 0; i < 3; i++) {
            old.onCheck(CheckResult.of(CheckStatus.L4CON, "refused", 1));
        }
        assertThat(old.up()).isFalse();
        old.setAdmin(AdminState.MAINT);
        clock.advanceMillis(2_000);

        ServerHealth kept = ServerHealth.carryOver(old, checked, checked, clock);
        assertThat(kept.up()).isFalse();
        assertThat(kept.admin()).isEqualTo(AdminState.MAINT);
        assertThat(kept.downtimeMs()).isEqualTo(2_000);
        assertThat(kept.downTransitions()).isEqualTo(1);

        ServerHealth enabledAgain = ServerHealth.carryOver(old, checked.withDisabled(true),
                checked, clock);
        assertThat(enabledAgain.admin()).isEqualTo(AdminState.READY);

        ServerHealth unchecked = ServerHealth.carryOver(old, checked, checked.withCheck(false),
                clock);
        assertThat(unchecked.up()).as("nothing would bring an unchecked server back").isTrue();
    }
}
