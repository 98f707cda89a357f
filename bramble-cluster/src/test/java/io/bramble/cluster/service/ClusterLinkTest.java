package io.bramble.cluster.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.cluster.coordinate.Instruction;
import io.bramble.cluster.coordinate.Report;
import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.exec.Recovery;
import io.bramble.pool.node.CommandFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines between members read back as what was sent. */
class ClusterLinkTest {
    private static List<String> withoutWord(List<String> line) {
        assertThat(line.getFirst()).isEqualTo(ClusterLink.WORD);
        return line.subList(1, line.size());
    }

    @Test
    void anInstructionAndAReportComeBackAsSent() {
        Instruction i = new Instruction(1L << 40 | 3, 9, "n1.local", "d1", "monitor", 10_000,
                20_000);
        assertThat(ClusterLink.instruction(withoutWord(ClusterLink.instruction(i))))
                .isEqualTo(i);
        Report r = Report.of(i, new Outcome(Outcome.Kind.FAILED, Optional.of(Recovery.HARD),
                "not installed"));
        assertThat(ClusterLink.report(withoutWord(ClusterLink.report(r)))).isEqualTo(r);
        Report ok = Report.of(i, new Outcome(Outcome.Kind.SUCCEEDED, Optional.empty(), ""));
        assertThat(ClusterLink.report(withoutWord(ClusterLink.report(ok)))).isEqualTo(ok);
        Report detailed = Report.of(i, new Outcome(Outcome.Kind.NOT_RUNNING, Optional.empty(),
                "not running", 7, "pid file gone: /run/x.pid", 42, 3, 118));
        assertThat(ClusterLink.report(withoutWord(ClusterLink.report(detailed)))).isEqualTo(
                detailed);
    }

    /** A node of the version before sends a report without code, reason and time. */
    @Test
    void aReportWithoutTheAgentsDetailsIsRead() {
        Report r = ClusterLink.report(List.of("report", "7", "n1", "d1", "start", "0",
                "FAILED", "SOFT", "error"));
        assertThat(r.outcome()).isEqualTo(new Outcome(Outcome.Kind.FAILED, Optional.of(
                Recovery.SOFT), "error"));
        assertThat(r.outcome().rc()).isEqualTo(1);
    }

    @Test
    void aLeaseRequestAndItsGrantComeBackAsSent() {
        assertThat(ClusterLink.leaseRequest(withoutWord(ClusterLink.lease("n2", 5, 1234))))
                .isEqualTo(new ClusterLink.LeaseRequest("n2", 5, 1234));
        assertThat(ClusterLink.session(ClusterLink.grant(42))).contains(42L);
        assertThat(ClusterLink.session("")).isEmpty();
    }

    @Test
    void malformedLinesAreRefused() {
        assertThatThrownBy(() -> ClusterLink.instruction(List.of("do", "x")))
                .isInstanceOf(CommandFailure.class);
        assertThatThrownBy(() -> ClusterLink.report(List.of("report", "1", "n", "r", "start",
                "0", "WELL", "-", ""))).isInstanceOf(CommandFailure.class);
        assertThatThrownBy(() -> ClusterLink.report(List.of("report", "1", "n", "r", "start",
                "0", "FAILED", "-", "error", "1", "", "-5", "0", "1"))).isInstanceOf(
                        CommandFailure.class);
        assertThatThrownBy(() -> ClusterLink.report(List.of("report", "1", "n", "r", "start",
                "0", "FAILED", "-", "error", "99999999999", "", "5", "0", "1"))).isInstanceOf(
                        CommandFailure.class);
        assertThatThrownBy(() -> ClusterLink.report(List.of("do", "1", "n", "r", "start",
                "0", "FAILED", "-", "error"))).isInstanceOf(CommandFailure.class);
    }
}
