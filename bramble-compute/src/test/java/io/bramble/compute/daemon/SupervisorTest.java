package io.bramble.compute.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisorTest {
    private static final DaemonSpec MASTER = new DaemonSpec(Daemon.MASTER, "10.0.0.1",
            List.of("--host", "10.0.0.1"));
    private static final DaemonSpec WORKER = new DaemonSpec(Daemon.WORKER, "10.0.0.1",
            List.of("spark://10.0.0.1:7077"));

    private final ManualClock clock = new ManualClock();
    private final Supervisor supervisor = new Supervisor(clock);
    private final Map<Daemon, DaemonSpec> running = new EnumMap<>(Daemon.class);

    @Test
    void startsWhatThePlanWantsOnce() {
        assertThat(supervisor.tick(List.of(MASTER, WORKER), running)).containsExactly(
                new Supervisor.Action.Start(MASTER, false),
                new Supervisor.Action.Start(WORKER, false));
        running.put(Daemon.MASTER, MASTER);
        running.put(Daemon.WORKER, WORKER);
        assertThat(supervisor.tick(List.of(MASTER, WORKER), running)).isEmpty();
    }

    @Test
    void aDaemonThatDiesQuicklyWaitsLongerEachTime() {
        supervisor.tick(List.of(WORKER), running);
        clock.advanceMillis(100);
        assertThat(supervisor.tick(List.of(WORKER), running)).containsExactly(
                new Supervisor.Action.Died(Daemon.WORKER, Supervisor.RESTART_FIRST_MS));
        assertThat(supervisor.tick(List.of(WORKER), running)).isEmpty();
        clock.advanceMillis(Supervisor.RESTART_FIRST_MS);
        assertThat(supervisor.tick(List.of(WORKER), running)).containsExactly(
                new Supervisor.Action.Start(WORKER, true));
        clock.advanceMillis(100);
        assertThat(supervisor.tick(List.of(WORKER), running)).containsExactly(
                new Supervisor.Action.Died(Daemon.WORKER, 2 * Supervisor.RESTART_FIRST_MS));
    }

    @Test
    void thePauseIsBoundedAndResetsAfterASteadyRun() {
        long pause = 0;
        for (int death = 0; death < 12; death++) {
            supervisor.tick(List.of(WORKER), running);
            clock.advanceMillis(10);
            var died = (Supervisor.Action.Died) supervisor.tick(List.of(WORKER), running)
                    .getFirst();
            pause = died.inMs();
            clock.advanceMillis(pause);
        }
        assertThat(pause).isEqualTo(Supervisor.RESTART_MAX_MS);
        supervisor.tick(List.of(WORKER), running);
        clock.advanceMillis(Supervisor.STEADY_MS);
        assertThat(supervisor.tick(List.of(WORKER), running)).containsExactly(
                new Supervisor.Action.Died(Daemon.WORKER, Supervisor.RESTART_FIRST_MS));
    }

    @Test
    void stopsWhatThePlanNoLongerWantsOrWantsOtherwise() {
        running.put(Daemon.MASTER, MASTER);
        running.put(Daemon.WORKER, WORKER);
        DaemonSpec moved = new DaemonSpec(Daemon.WORKER, "10.0.0.1",
                List.of("spark://10.0.0.2:7077"));
        assertThat(supervisor.tick(List.of(moved), running)).containsExactly(
                new Supervisor.Action.Stop(Daemon.MASTER),
                new Supervisor.Action.Stop(Daemon.WORKER));
        running.clear();
        assertThat(supervisor.tick(List.of(moved), running)).containsExactly(
                new Supervisor.Action.Start(moved, false));
    }

    @Test
    void aDaemonStoppedOnPurposeIsNotADeath() {
        supervisor.tick(List.of(WORKER), running);
        running.put(Daemon.WORKER, WORKER);
        assertThat(supervisor.tick(List.of(), running)).containsExactly(
                new Supervisor.Action.Stop(Daemon.WORKER));
        running.clear();
        assertThat(supervisor.tick(List.of(), running)).isEmpty();
        assertThat(supervisor.tick(List.of(WORKER), running)).containsExactly(
                new Supervisor.Action.Start(WORKER, false));
    }
}
