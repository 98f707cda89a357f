package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.agent.AgentName;
import io.bramble.common.time.ManualClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeExecutorTest {
    private static final AgentName DUMMY = AgentName.ocf("heartbeat", "Dummy");

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ArrayDeque<Runnable> workers = new ArrayDeque<>();
    private final List<String> ran = new ArrayList<>();
    private final List<ExecutionEvent> events = new ArrayList<>();
    private int monitorRc;
    private final NodeExecutor executor = new NodeExecutor("node1", request -> {
        ran.add(request.key());
        int rc = request.action().equals("monitor") ? monitorRc : 0;
        return new ActionResult(rc, ExecStatus.DONE, Optional.empty(), "", 5);
    }, workers::add, scheduler, clock, events::add, 2);

    private static ActionRequest action(String resource, String action) {
        return ActionRequest.of(resource, DUMMY, action, 20_000, Map.of());
    }

    private void runNext() {
        workers.poll().run();
    }

    @Test
    void runsAtMostTheBoundAtOnce() {
        executor.submit(action("a", "start"));
        executor.submit(action("b", "start"));
        executor.submit(action("c", "start"));
        assertThat(workers).hasSize(2);
        assertThat(executor.running()).isEqualTo(2);
        runNext();
        assertThat(workers).hasSize(2);
        runNext();
        runNext();
        assertThat(ran).containsExactly("a_start_0", "b_start_0", "c_start_0");
        assertThat(executor.running()).isZero();
    }

    @Test
    void neverRunsTwoActionsOfOneResourceAtOnce() {
        executor.submit(action("a", "start"));
        executor.submit(action("a", "monitor"));
        executor.submit(action("b", "start"));
        assertThat(workers).hasSize(2);
        runNext();
        assertThat(workers).hasSize(2);
        runNext();
        runNext();
        assertThat(ran).containsExactly("a_start_0", "b_start_0", "a_monitor_0");
    }

    @Test
    void runsARecurringMonitorAtItsInterval() {
        executor.submit(action("a", "monitor").withInterval(10_000));
        runNext();
        scheduler.advanceMillis(9_999);
        assertThat(workers).isEmpty();
        scheduler.advanceMillis(1);
        assertThat(workers).hasSize(1);
        monitorRc = 7;
        runNext();
        assertThat(events).extracting(e -> e.key() + " " + e.outcome().kind()).containsExactly(
                "a_monitor_10000 SUCCEEDED", "a_monitor_10000 NOT_RUNNING");
        assertThat(events.getLast().epochMillis()).isEqualTo(clock.epochMillis());
        assertThat(events.getLast().node()).isEqualTo("node1");
    }

    @Test
    void aStopCancelsTheResourcesMonitorsFirst() {
        executor.submit(action("a", "monitor").withInterval(10_000));
        executor.submit(action("b", "monitor").withInterval(10_000));
        runNext();
        runNext();
        executor.submit(action("a", "stop"));
        assertThat(executor.recurringKeys()).containsExactly("b_monitor_10000");
        runNext();
        scheduler.advanceMillis(10_000);
        assertThat(workers).hasSize(1);
        runNext();
        assertThat(ran).containsExactly("a_monitor_10000", "b_monitor_10000", "a_stop_0",
                "b_monitor_10000");
        assertThat(events).extracting(e -> e.key() + " " + e.outcome().text()).containsExactly(
                "a_monitor_10000 ok", "b_monitor_10000 ok", "a_monitor_10000 Cancelled",
                "a_stop_0 ok", "b_monitor_10000 ok");
    }

    @Test
    void aMonitorDueWhileItsResourceIsBusyWaitsItsTurn() {
        executor.submit(action("a", "monitor").withInterval(10_000));
        runNext();
        executor.submit(action("a", "reload"));
        scheduler.advanceMillis(10_000);
        assertThat(workers).hasSize(1);
        runNext();
        runNext();
        assertThat(ran).containsExactly("a_monitor_10000", "a_reload_0", "a_monitor_10000");
    }

    @Test
    void probesAskWhatRuns() {
        monitorRc = 7;
        executor.probe(List.of(action("a", "monitor"), action("b", "monitor")));
        runNext();
        runNext();
        assertThat(events).extracting(e -> e.resourceId() + " " + e.outcome().kind())
                .containsExactly("a NOT_RUNNING", "b NOT_RUNNING");
        assertThat(scheduler.pending()).isZero();
    }
}
