package io.bramble.lb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.ServerOptions;
import org.junit.jupiter.api.Test;

class ServerHealthTest {
    private static final CheckResult OK = CheckResult.of(CheckStatus.L7OK, "HTTP 200", 1);
    private static final CheckResult REFUSED = CheckResult.of(CheckStatus.L4CON,
            "Connection refused", 0);

    private final ManualClock clock = new ManualClock();
    private final ServerOptions checked = ServerOptions.DEFAULTS.withCheck(true)
            .withInterMs(2_000).withFastInterMs(500).withDownInterMs(5_000);

    @Test
    void fallConsecutiveFailuresTakeAHealthyServerDown() {
        ServerHealth health = new ServerHealth(checked, clock);
        assertThat(health.onCheck(OK)).isEqualTo(HealthChange.NONE);
        assertThat(health.state()).isEqualTo(ServerState.UP);
        assertThat(health.nextCheckDelayMs()).isEqualTo(2_000);
        assertThat(health.onCheck(REFUSED)).isEqualTo(HealthChange.NONE);
        assertThat(health.statusText()).isEqualTo("UP 1/3");
        assertThat(health.state()).isEqualTo(ServerState.GOING_DOWN);
        assertThat(health.nextCheckDelayMs()).isEqualTo(500);
        health.onCheck(REFUSED);
        assertThat(health.statusText()).isEqualTo("UP 2/3");
        assertThat(health.onCheck(REFUSED)).isEqualTo(HealthChange.NOW_UNUSABLE);
        assertThat(health.state()).isEqualTo(ServerState.DOWN);
        assertThat(health.nextCheckDelayMs()).isEqualTo(5_000);
        assertThat(health.lastResult()).isEqualTo(REFUSED);
        assertThat(health.downTransitions()).isEqualTo(1);
    }

    @Test
    void aSuccessWhileGoingDownRestoresFullHealth() {
        ServerHealth health = new ServerHealth(checked, clock);
        health.onCheck(OK);
        health.onCheck(REFUSED);
        health.onCheck(REFUSED);
        health.onCheck(OK);
        assertThat(health.state()).isEqualTo(ServerState.UP);
        health.onCheck(REFUSED);
        health.onCheck(REFUSED);
        assertThat(health.up()).isTrue();
    }

    @Test
    void riseConsecutiveSuccessesBringItBackAndDowntimeIsCounted() {
        ServerHealth health = new ServerHealth(checked, clock);
        assertThat(health.onLiveFailure("Connection refused", 0))
                .isEqualTo(HealthChange.NOW_UNUSABLE);
        clock.advanceMillis(3_000);
        assertThat(health.onCheck(OK)).isEqualTo(HealthChange.NONE);
        assertThat(health.statusText()).isEqualTo("DOWN 1/2");
        assertThat(health.nextCheckDelayMs()).isEqualTo(500);
        health.onCheck(REFUSED);
        assertThat(health.state()).isEqualTo(ServerState.DOWN);
        health.onCheck(OK);
        clock.advanceMillis(1_000);
        assertThat(health.onCheck(OK)).isEqualTo(HealthChange.NOW_USABLE);
        assertThat(health.state()).isEqualTo(ServerState.UP);
        clock.advanceMillis(10_000);
        assertThat(health.downtimeMs()).isEqualTo(4_000);
        assertThat(health.sinceLastChangeMs()).isEqualTo(10_000);
    }

    @Test
    void aServerThatFailsItsFirstCheckGoesDownAtOnce() {
        ServerHealth health = new ServerHealth(checked, clock);
        assertThat(health.onCheck(REFUSED)).isEqualTo(HealthChange.NOW_UNUSABLE);
    }

    @Test
    void uncheckedServersStayUpOnLiveFailures() {
        ServerHealth health = new ServerHealth(ServerOptions.DEFAULTS, clock);
        assertThat(health.onLiveFailure("reset", 0)).isEqualTo(HealthChange.NONE);
        assertThat(health.state()).isEqualTo(ServerState.NO_CHECK);
        assertThat(health.takesNewTraffic()).isTrue();
        assertThat(health.checksRun()).isFalse();
    }

    @Test
    void adminStatesGateTraffic() {
        ServerHealth health = new ServerHealth(checked, clock);
        assertThat(health.setAdmin(AdminState.DRAIN)).isEqualTo(HealthChange.NOW_UNUSABLE);
        assertThat(health.state()).isEqualTo(ServerState.DRAIN);
        assertThat(health.takesPersistentTraffic()).isTrue();
        assertThat(health.setAdmin(AdminState.MAINT)).isEqualTo(HealthChange.NONE);
        assertThat(health.takesPersistentTraffic()).isFalse();
        assertThat(health.checksRun()).isFalse();
        assertThat(health.setAdmin(AdminState.READY)).isEqualTo(HealthChange.NOW_USABLE);
        ServerHealth disabled = new ServerHealth(checked.withDisabled(true), clock);
        assertThat(disabled.state()).isEqualTo(ServerState.MAINT);
        assertThat(disabled.takesNewTraffic()).isFalse();
    }
}
