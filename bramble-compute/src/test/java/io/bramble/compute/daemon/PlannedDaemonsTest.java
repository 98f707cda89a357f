package io.bramble.compute.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.compute.plan.ComputePlan;
import io.bramble.compute.plan.SparkPorts;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Members;
import io.bramble.pool.member.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlannedDaemonsTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID W = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Members MEMBERS = Members.of(List.of(member(C, "10.0.0.3", Role.VOTER),
            member(A, "10.0.0.1", Role.VOTER), member(W, "10.0.0.9", Role.WITNESS),
            member(B, "10.0.0.2", Role.VOTER)));
    private static final Path WORK = Path.of("/var/lib/bramble/compute/work");
    private static final Path RECOVERY = Path.of("/var/lib/bramble/compute/recovery");

    @Test
    void theMasterKeepsItsStateForTheOneThatMayTakeItOver() {
        List<DaemonSpec> onA = PlannedDaemons.of(Optional.of(plan(A)), MEMBERS, A, WORK,
                RECOVERY);
        DaemonSpec master = onA.stream().filter(s -> s.daemon() == Daemon.MASTER).findFirst()
                .orElseThrow();
        assertThat(master.properties()).containsEntry("spark.deploy.recoveryMode",
                "FILESYSTEM").containsEntry("spark.deploy.recoveryDirectory",
                        RECOVERY.toString())
                .containsEntry("spark.deploy.recoveryTimeout",
                        PlannedDaemons.RECOVERY_TIMEOUT_S + "s");
        assertThat(master.args()).containsExactly("--host", "10.0.0.1", "--port", "7077",
                "--webui-port", "8080");
    }

    @Test
    void aWorkersCommandLineNamesEveryVoterSoItStaysTheSameWhenTheMasterMoves() {
        DaemonSpec before = worker(PlannedDaemons.of(Optional.of(plan(A)), MEMBERS, B, WORK,
                RECOVERY));
        DaemonSpec after = worker(PlannedDaemons.of(Optional.of(plan(C)), MEMBERS, B, WORK,
                RECOVERY));
        assertThat(after).isEqualTo(before);
        assertThat(before.args()).last().isEqualTo(
                "spark://10.0.0.1:7077,10.0.0.2:7077,10.0.0.3:7077");
        assertThat(PlannedDaemons.of(Optional.of(plan(A)), MEMBERS, W, WORK, RECOVERY))
                .as("a witness runs nothing").isEmpty();
    }

    private static DaemonSpec worker(List<DaemonSpec> specs) {
        assertThat(specs).noneMatch(s -> s.daemon() == Daemon.MASTER);
        return specs.stream().filter(s -> s.daemon() == Daemon.WORKER).findFirst()
                .orElseThrow();
    }

    private static ComputePlan plan(UUID master) {
        return new ComputePlan(master, List.of(), SparkPorts.DEFAULT, 1, 1024);
    }

    private static Member member(UUID id, String address, Role role) {
        return new Member(id, List.of("n" + address.substring(address.lastIndexOf('.') + 1)),
                address, 7946, 7947, role, 0);
    }
}
