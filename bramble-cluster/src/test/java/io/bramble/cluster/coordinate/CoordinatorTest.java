package io.bramble.cluster.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.exec.Recovery;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.FailedAction;
import io.bramble.cluster.model.Resource;
import io.bramble.common.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The coordinator step by step: probes, transitions, recovery, lost nodes. */
class CoordinatorTest {
    private final ManualClock clock = new ManualClock();
    private final LeaseTiming timing = LeaseTiming.DEFAULTS;

    @Test
    void probesEveryMemberBeforeItStartsAnything() {
        Coordinator c = coordinator(cluster(Map.of(), true), false);
        List<Instruction> sent = join(c, "n1", "n2");
        assertThat(sent).extracting(Instruction::operation).containsOnly("monitor");
        assertThat(sent).allMatch(Instruction::isProbe).hasSize(2);
        List<Instruction> next = answer(c, sent.getFirst(), notRunning());
        assertThat(next).isEmpty();
        next = answer(c, sent.get(1), notRunning());
        assertThat(next).extracting(Instruction::toString).singleElement().asString()
                .endsWith("r1 start on n1");
    }

    @Test
    void aFailedMonitorRestartsTheResourceWhereItRan() {
        Coordinator c = coordinator(cluster(Map.of("resource-stickiness", "1"), true), false);
        Instruction monitor = runR1OnN1(c);
        List<Instruction> next = fromCommands(c.report(Report.of(monitor, notRunning())));
        assertThat(next).extracting(Instruction::toString).singleElement().asString()
                .endsWith("r1 stop on n1");
        next = answer(c, next.getFirst(), ok());
        assertThat(next).extracting(Instruction::toString).singleElement().asString()
                .endsWith("r1 start on n1");
        assertThat(c.recorded().failCounts()).singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(1));
        assertThat(c.recorded().failedActions()).singleElement().satisfies(a -> {
            assertThat(a.resource() + " " + a.operationKey() + " on " + a.node()).isEqualTo(
                    "r1 monitor_" + monitor.intervalMs() + " on n1");
            assertThat(a.rc()).isEqualTo(7);
            assertThat(a.execStatus()).isEqualTo(FailedAction.DONE);
        });
    }

    /** What the agent said of a failure (its code, reason and time) is what status lists. */
    @Test
    void aFailureKeepsTheAgentsCodeReasonAndTime() {
        Coordinator c = coordinator(cluster(Map.of("resource-stickiness", "1"), true), false);
        Instruction monitor = runR1OnN1(c);
        c.report(Report.of(monitor, new Outcome(Outcome.Kind.FAILED, Optional.of(
                Recovery.SOFT), "error", 1, "the socket is gone", 35)));
        assertThat(c.recorded().failedActions()).containsExactly(new FailedAction("r1", "n1",
                "monitor", monitor.intervalMs(), 1, FailedAction.DONE, "the socket is gone",
                clock.epochMillis() / 1000, 35));
    }

    @Test
    void aCleanupForgetsTheFailuresAndProbesTheResourceAgain() {
        Coordinator c = coordinator(cluster(Map.of("migration-threshold", "1",
                "resource-stickiness", "1"), true), false);
        Instruction monitor = runR1OnN1(c);
        List<Instruction> next = fromCommands(c.report(Report.of(monitor, notRunning())));
        next = answer(c, next.getFirst(), ok());
        assertThat(next.getFirst().toString()).endsWith("r1 start on n2");
        answer(c, next.getFirst(), ok()).forEach(m -> answer(c, m, ok()));
        assertThat(c.recorded().failCounts()).hasSize(1);

        assertThat(c.recorded().failedActions()).hasSize(1);
        List<Instruction> probes = fromCommands(c.refresh(Set.of("r1"), Optional.empty()));
        assertThat(c.recorded().failCounts()).isEmpty();
        assertThat(c.recorded().failedActions()).isEmpty();
        assertThat(probes).allMatch(Instruction::isProbe).extracting(Instruction::node)
                .containsExactlyInAnyOrder("n1", "n2");
        assertThat(answer(c, probes.get(0), probes.get(0).node().equals("n2")
                ? ok()
                : notRunning())).isEmpty();
        List<Instruction> after = answer(c, probes.get(1), probes.get(1).node().equals("n2")
                ? ok()
                : notRunning());
        assertThat(after).noneMatch(i -> i.operation().equals("start") || i.operation()
                .equals("stop"));
    }

    @Test
    void pastItsMigrationThresholdAResourceMoves() {
        Coordinator c = coordinator(cluster(Map.of("migration-threshold", "1",
                "resource-stickiness", "1"), true), false);
        Instruction monitor = runR1OnN1(c);
        List<Instruction> next = fromCommands(c.report(Report.of(monitor, notRunning())));
        next = answer(c, next.getFirst(), ok());
        assertThat(next).extracting(Instruction::toString).singleElement().asString()
                .endsWith("r1 start on n2");
    }

    @Test
    void aFailedStartIsFatalForItsNodeUnlessConfiguredOtherwise() {
        assertThat(afterFailedStart(true)).endsWith("r1 start on n2");
        assertThat(afterFailedStart(false)).endsWith("r1 start on n1");
    }

    @Test
    void aHardFailureKeepsTheResourceOffThatNode() {
        Coordinator c = coordinator(cluster(Map.of(), false), false);
        Instruction start = startR1(c);
        List<Instruction> next = answer(c, start, failed(Recovery.HARD));
        next = answer(c, next.getFirst(), ok());
        assertThat(next.getFirst().toString()).endsWith("r1 start on n2");
    }

    @Test
    void aLostNodesResourceStartsElsewhereOnlyOnceItsLeaseCertainlyEnded() {
        Coordinator c = coordinator(cluster(Map.of(), true), false);
        runR1OnN1(c);
        clock.advanceMillis(100);
        c.leaseRequest("n1", 1, 0);
        c.leaseRequest("n2", 2, 0);
        List<Command> out = new ArrayList<>(c.membership(Set.of("n2")));
        clock.advanceMillis(timing.waitMs() - 1);
        out.addAll(c.tick());
        assertThat(fromCommands(out)).noneMatch(i -> i.operation().equals("start"));
        clock.advanceMillis(1);
        assertThat(fromCommands(c.tick())).extracting(Instruction::toString)
                .anyMatch(s -> s.endsWith("r1 start on n2"));
    }

    @Test
    void aFenceDeviceThatConfirmsTheNodeOffEndsTheWait() {
        Coordinator c = coordinator(cluster(Map.of(), true), true);
        runR1OnN1(c);
        List<Command> out = c.membership(Set.of("n2"));
        assertThat(out).contains(new Command.Fence("n1"));
        assertThat(fromCommands(c.fenced("n1", true))).extracting(Instruction::toString)
                .anyMatch(s -> s.endsWith("r1 start on n2"));
    }

    /**
     * A node lost together with the previous coordinator: the new one fences it at once when
     * it can, and otherwise waits for its lease; a node that ran nothing is not fenced.
     */
    @Test
    void aNewCoordinatorFencesANodeLostBeforeItTookOverThatMayRunSomething() {
        Coordinator first = coordinator(cluster(Map.of(), true), true);
        runR1OnN1(first);
        Coordinator ofThree = new Coordinator(TestClusters.cluster(3, List.of(TestClusters
                .dummy("r1", Map.of())), List.of(), true), first.recorded(), 2, timing, true,
                clock);
        assertThat(ofThree.membership(Set.of("n2"))).containsOnlyOnce(new Command.Fence("n1"))
                .doesNotContain(new Command.Fence("n3"));
        assertThat(ofThree.membership(Set.of("n2"))).doesNotContain(new Command.Fence("n1"));

        Coordinator next = new Coordinator(cluster(Map.of(), true), first.recorded(), 2, timing,
                true, clock);
        assertThat(next.membership(Set.of("n2"))).contains(new Command.Fence("n1"));
        List<Instruction> probe = fromCommands(next.leaseRequest("n2", 2, 0));
        assertThat(probe).isNotEmpty().allMatch(Instruction::isProbe);
        List<Instruction> after = new ArrayList<>(fromCommands(next.fenced("n1", true)));
        probe.forEach(p -> after.addAll(answer(next, p, notRunning())));
        assertThat(after).extracting(Instruction::toString)
                .anyMatch(s -> s.endsWith("r1 start on n2"));

        Coordinator unfenced = new Coordinator(cluster(Map.of(), true), first.recorded(), 2,
                timing, false, clock);
        assertThat(unfenced.membership(Set.of("n2"))).noneMatch(c -> c instanceof Command.Fence);
        Coordinator young = new Coordinator(cluster(Map.of(), true), first.recorded(), 2, timing,
                true, clock);
        young.fenceOnlyLaterLosses();
        assertThat(young.membership(Set.of("n2"))).as("a view that may not have heard n1 yet")
                .noneMatch(c -> c instanceof Command.Fence);
    }

    /**
     * A fenced node that comes back and is lost again before it was granted a lease could not
     * have started anything: it is not fenced again. Once granted one, it is.
     */
    @Test
    void aFencedNodeLostAgainBeforeItsFirstLeaseIsNotFencedAgain() {
        Coordinator c = coordinator(cluster(Map.of(), true), true);
        runR1OnN1(c);
        assertThat(c.membership(Set.of("n2"))).contains(new Command.Fence("n1"));
        c.fenced("n1", true);
        c.membership(Set.of("n1", "n2"));
        assertThat(c.membership(Set.of("n2"))).noneMatch(cmd -> cmd instanceof Command.Fence);
        c.membership(Set.of("n1", "n2"));
        c.leaseRequest("n1", 7, 0);
        assertThat(c.membership(Set.of("n2"))).contains(new Command.Fence("n1"));
    }

    @Test
    void aFailedStopBlocksTheResourceWithoutFencing() {
        Coordinator c = coordinator(cluster(Map.of(), true), false);
        Instruction monitor = runR1OnN1(c);
        List<Instruction> stop = fromCommands(c.report(Report.of(monitor, notRunning())));
        List<Instruction> next = answer(c, stop.getFirst(), failed(Recovery.SOFT));
        clock.advanceMillis(60_000);
        next.addAll(fromCommands(c.tick()));
        assertThat(next).noneMatch(i -> i.operation().equals("start"));
        assertThat(c.recorded().state("r1", "n1")).isEqualTo(ResourceState.BLOCKED);
    }

    @Test
    void aNewCoordinatorProbesAndKeepsWhatRuns() {
        Coordinator first = coordinator(cluster(Map.of(), true), false);
        runR1OnN1(first);
        Coordinator next = new Coordinator(cluster(Map.of(), true), first.recorded(), 2, timing,
                false, clock);
        List<Instruction> probes = join(next, "n1", "n2");
        assertThat(probes).allMatch(Instruction::isProbe);
        answer(next, probes.get(1), notRunning());
        List<Instruction> after = answer(next, probes.getFirst(), ok());
        assertThat(after).extracting(Instruction::toString).singleElement().asString()
                .endsWith("r1 monitor=1000 on n1");
        assertThat(after.getFirst().id()).isGreaterThan(probes.getFirst().id());
    }

    @Test
    void aNewConfigurationIsCarriedOut() {
        Coordinator c = coordinator(cluster(Map.of(), true), false);
        runR1OnN1(c);
        List<Instruction> next = fromCommands(c.configure(
                cluster(Map.of("target-role", "Stopped"), true)));
        assertThat(next).extracting(Instruction::toString).singleElement().asString()
                .endsWith("r1 stop on n1");
    }

    @Test
    void aBannedResourceStartsAgainOnceItsFailureTimeoutPassed() {
        Map<String, String> meta = Map.of("migration-threshold", "1", "failure-timeout", "10s");
        Coordinator c = new Coordinator(TestClusters.cluster(1,
                List.of(TestClusters.dummy("r1", meta)), List.of(), true),
                RecordedStatus.none(), 1, timing, false, clock);
        Instruction probe = join(c, "n1").getFirst();
        Instruction start = answer(c, probe, notRunning()).getFirst();
        Instruction monitor = answer(c, start, ok()).getFirst();
        answer(c, monitor, ok());
        List<Instruction> stop = fromCommands(c.report(Report.of(monitor, notRunning())));
        assertThat(answer(c, stop.getFirst(), ok())).isEmpty();
        clock.advanceMillis(10_000);
        assertThat(fromCommands(c.tick())).isEmpty();
        clock.advanceMillis(1_000);
        assertThat(fromCommands(c.tick())).extracting(Instruction::toString)
                .singleElement().asString().endsWith("r1 start on n1");
    }

    /**
     * As in Pacemaker, a resource the cluster does not manage that its monitor finds stopped is
     * stopped, not failed: no fail count, no failed action, nothing started or stopped; found
     * running again (started by hand), it is running.
     */
    @Test
    void anUnmanagedResourceFoundStoppedIsStoppedNotFailed() {
        Coordinator c = coordinator(cluster(Map.of("resource-stickiness", "1"), true), false);
        Instruction monitor = runR1OnN1(c);
        assertThat(fromCommands(c.configure(cluster(Map.of("resource-stickiness", "1",
                "is-managed", "false"), true)))).isEmpty();

        assertThat(fromCommands(c.report(Report.of(monitor, notRunning())))).isEmpty();
        assertThat(c.recorded().state("r1", "n1")).isEqualTo(ResourceState.STOPPED);
        assertThat(c.recorded().failCounts()).isEmpty();
        assertThat(c.recorded().failedActions()).isEmpty();

        assertThat(fromCommands(c.report(Report.of(monitor, ok())))).isEmpty();
        assertThat(c.recorded().state("r1", "n1")).isEqualTo(ResourceState.ACTIVE);

        assertThat(fromCommands(c.report(Report.of(monitor, failed(Recovery.SOFT))))).isEmpty();
        assertThat(c.recorded().state("r1", "n1")).isEqualTo(ResourceState.FAILED);
        assertThat(c.recorded().failedActions()).singleElement()
                .satisfies(a -> assertThat(a.resource()).isEqualTo("r1"));
    }

    private String afterFailedStart(boolean fatal) {
        Coordinator c = coordinator(cluster(Map.of("migration-threshold", "3"), fatal), false);
        Instruction start = startR1(c);
        List<Instruction> next = answer(c, start, failed(Recovery.SOFT));
        assertThat(next.getFirst().toString()).endsWith("r1 stop on n1");
        next = answer(c, next.getFirst(), ok());
        return next.getFirst().toString();
    }

    /** Joins n1 and n2, probes nothing running, and returns r1's start on n1. */
    private Instruction startR1(Coordinator c) {
        List<Instruction> probes = join(c, "n1", "n2");
        answer(c, probes.getFirst(), notRunning());
        Instruction start = answer(c, probes.get(1), notRunning()).getFirst();
        assertThat(start.toString()).endsWith("r1 start on n1");
        return start;
    }

    /** r1 started on n1 with its monitor running; returns the monitor's instruction. */
    private Instruction runR1OnN1(Coordinator c) {
        Instruction monitor = answer(c, startR1(c), ok()).getFirst();
        assertThat(answer(c, monitor, ok())).isEmpty();
        assertThat(c.idle()).isTrue();
        return monitor;
    }

    private List<Instruction> join(Coordinator c, String... names) {
        List<Command> out = new ArrayList<>(c.membership(Set.of(names)));
        for (int i = 0; i < names.length; i++) {
            out.addAll(c.leaseRequest(names[i], i + 1, 0));
        }
        return fromCommands(out);
    }

    private static List<Instruction> answer(Coordinator c, Instruction i, Outcome outcome) {
        return fromCommands(c.report(Report.of(i, outcome)));
    }

    private static List<Instruction> fromCommands(List<Command> commands) {
        List<Instruction> out = new ArrayList<>();
        commands.forEach(cmd -> {
            if (cmd instanceof Command.Dispatch d) {
                out.add(d.instruction());
            }
        });
        return out;
    }

    private Coordinator coordinator(Cluster cluster, boolean fencing) {
        return new Coordinator(cluster, RecordedStatus.none(), 1, timing, fencing, clock);
    }

    private static Cluster cluster(Map<String, String> meta, boolean startFailureIsFatal) {
        List<Resource> resources = List.of(TestClusters.dummy("r1", meta));
        return TestClusters.cluster(2, resources, List.of(), startFailureIsFatal);
    }

    private static Outcome ok() {
        return new Outcome(Outcome.Kind.SUCCEEDED, Optional.empty(), "ok");
    }

    private static Outcome notRunning() {
        return new Outcome(Outcome.Kind.NOT_RUNNING, Optional.empty(), "not running");
    }

    private static Outcome failed(Recovery recovery) {
        return new Outcome(Outcome.Kind.FAILED, Optional.of(recovery), "error");
    }
}
