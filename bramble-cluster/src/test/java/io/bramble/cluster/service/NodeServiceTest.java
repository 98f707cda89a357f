package io.bramble.cluster.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.coordinate.Demotion;
import io.bramble.cluster.coordinate.Instruction;
import io.bramble.cluster.coordinate.LeaseTiming;
import io.bramble.cluster.coordinate.Report;
import io.bramble.cluster.exec.ActionRequest;
import io.bramble.cluster.exec.ActionResult;
import io.bramble.cluster.exec.ExecStatus;
import io.bramble.cluster.exec.NodeExecutor;
import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.model.AgentName;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterProperties;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.Defaults;
import io.bramble.cluster.model.NoQuorumPolicy;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Primitive;
import io.bramble.common.time.ManualClock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node's side of the live cluster with a real executor whose agents answer at once: it runs
 * the coordinator's instructions only under a lease, reports their results, and stops what it
 * runs by itself once the lease ends.
 */
class NodeServiceTest {
    private static final LeaseTiming TIMING = LeaseTiming.DEFAULTS;
    private static final long SESSION = 7;

    private final ManualClock clock = new ManualClock();
    private final List<ActionRequest> ran = new ArrayList<>();
    private final List<Report> reports = new ArrayList<>();
    private Cluster configuration = cib();
    private final NodeService node = new NodeService("n1", clock, TIMING, () -> configuration,
            reports::add);
    private long ids;

    NodeServiceTest() {
        node.use(new NodeExecutor("n1", request -> {
            ran.add(request);
            return new ActionResult(0, ExecStatus.DONE, Optional.empty(), "", 1);
        }, Runnable::run, (delayMs, task) -> () -> {
        }, clock, node::onResult, 1));
    }

    private static Cluster cib(String... resources) {
        List<io.bramble.cluster.model.Resource> primitives = new ArrayList<>();
        for (String id : resources.length == 0 ? new String[]{"d1"} : resources) {
            primitives.add(new Primitive(id, AgentName.ocf("heartbeat", "Dummy"),
                    new LinkedHashMap<>(Map.of("fake", "x")), List.of(),
                    new LinkedHashMap<>(Map.of("target-role", "Started"))));
        }
        return new Cluster(new ClusterProperties(false, NoQuorumPolicy.STOP, true, 60_000, true),
                List.of(new Node("n1", "n1", true, false)), primitives, List.of(),
                Defaults.NONE, ClusterStatus.idle());
    }

    private Instruction instruction(long session, String operation) {
        return instruction(session, "d1", operation);
    }

    private Instruction instruction(long session, String resource, String operation) {
        return new Instruction(++ids, session, "n1", resource, operation, 0, 20_000);
    }

    private void grant() {
        long sent = node.leaseRequest().orElseThrow()[1];
        node.granted(sent, SESSION);
    }

    @Test
    void nothingStartsBeforeTheFirstGrant() {
        node.instruction(instruction(SESSION, "start"));
        assertThat(ran).isEmpty();
        assertThat(reports).isEmpty();
    }

    @Test
    void aGrantedStartRunsTheAgentWithItsAttributesAndIsReported() {
        grant();
        node.instruction(instruction(SESSION, "start"));
        assertThat(ran).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("start");
            assertThat(r.agent().type()).isEqualTo("Dummy");
            assertThat(r.attributes()).containsEntry("fake", "x");
            assertThat(r.meta()).containsEntry("target-role", "Started");
        });
        assertThat(reports).singleElement().satisfies(r -> assertThat(r.outcome().kind())
                .isEqualTo(Outcome.Kind.SUCCEEDED));
        assertThat(node.active()).containsExactly("d1");
    }

    @Test
    void anOlderSessionAndARepeatedInstructionAreRefused() {
        grant();
        node.instruction(instruction(SESSION - 1, "start"));
        Instruction start = instruction(SESSION, "start");
        node.instruction(start);
        node.instruction(start);
        assertThat(ran).hasSize(1);
    }

    @Test
    void whenTheLeaseEndsEverythingIsStoppedAndTheNodeAsksAgainAsANewRun() {
        grant();
        node.instruction(instruction(SESSION, "start"));
        long run = node.incarnation();
        clock.advanceMillis(TIMING.renewMs());
        assertThat(node.check()).isEqualTo(Demotion.Verdict.RUN);

        clock.advanceMillis(TIMING.leaseMs());
        assertThat(node.check()).isEqualTo(Demotion.Verdict.STOP_ALL);
        assertThat(ran).extracting(ActionRequest::action).containsExactly("start", "stop");
        assertThat(node.active()).isEmpty();
        assertThat(node.leaseRequest()).as("asks again once all stopped").isPresent();
        assertThat(node.incarnation()).isNotEqualTo(run);

        node.instruction(instruction(SESSION, "start"));
        assertThat(ran).as("no start until a new grant").hasSize(2);
    }

    @Test
    void aNodeThatLeavesStopsEverythingAndTakesNoMoreInstructions() {
        grant();
        node.instruction(instruction(SESSION, "start"));
        assertThat(node.stopped()).isTrue();

        node.leave();
        assertThat(ran).extracting(ActionRequest::action).containsExactly("start", "stop");
        assertThat(node.active()).isEmpty();
        assertThat(node.stopped()).isTrue();
        assertThat(node.leaseRequest()).as("a leaving node asks for no lease").isEmpty();
        node.instruction(instruction(SESSION, "start"));
        clock.advanceMillis(TIMING.renewMs());
        assertThat(node.check()).isEqualTo(Demotion.Verdict.RUN);
        node.instruction(instruction(SESSION, "start"));
        assertThat(ran).as("nothing starts once it left").hasSize(2);
    }

    @Test
    void aResourceThisNodesCopyLacksYetWaitsForIt() {
        grant();
        node.instruction(instruction(SESSION, "d2", "monitor"));
        assertThat(ran).isEmpty();
        assertThat(reports).as("no verdict while the copy may lag").isEmpty();

        clock.advanceMillis(100);
        configuration = cib("d1", "d2");
        assertThat(node.check()).isEqualTo(Demotion.Verdict.RUN);
        assertThat(ran).singleElement().satisfies(r -> {
            assertThat(r.resourceId()).isEqualTo("d2");
            assertThat(r.action()).isEqualTo("monitor");
        });
        assertThat(reports).singleElement().satisfies(r -> assertThat(r.outcome().kind())
                .isEqualTo(Outcome.Kind.SUCCEEDED));
    }

    @Test
    void aResourceThatNeverComesIsNotConfigured() {
        grant();
        node.instruction(instruction(SESSION, "d2", "monitor"));
        clock.advanceMillis(NodeService.CONFIGURATION_WAIT_MS - 1);
        grant();
        node.check();
        assertThat(reports).isEmpty();
        clock.advanceMillis(1);
        node.check();
        assertThat(ran).isEmpty();
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.outcome().kind()).isEqualTo(Outcome.Kind.FAILED);
            assertThat(r.outcome().recovery()).contains(io.bramble.cluster.exec.Recovery.FATAL);
        });
    }
}
