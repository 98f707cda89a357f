package io.bramble.compute.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.pool.member.Member;
import io.bramble.pool.member.Members;
import io.bramble.pool.member.Role;
import io.bramble.pool.wire.MalformedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StartLineTest {
    private static final Member MASTER = member("spark-master.local", "192.168.2.5",
            Role.VOTER);
    private static final Member SLAVE_A = member("spark-slave-a.local", "192.168.2.6",
            Role.VOTER);
    private static final Member WITNESS = member("witness.local", "192.168.2.9",
            Role.WITNESS);
    private static final Members POOL = Members.of(List.of(MASTER, SLAVE_A, WITNESS));

    private static Member member(String name, String address, Role role) {
        return new Member(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)),
                List.of(name), address, 24007, 24008, role, 0);
    }

    @Test
    void byDefaultTheMasterIsHereAndEveryMemberRunsAWorker() throws Exception {
        ComputePlan plan = StartLine.parse(List.of(), POOL, SLAVE_A.id());
        assertThat(plan).isEqualTo(new ComputePlan(SLAVE_A.id(), List.of(), SparkPorts.DEFAULT,
                0, 0));
        assertThat(plan.allWorkers()).isTrue();
    }

    @Test
    void namesAddressesSizesAndPortsAsTyped() throws Exception {
        ComputePlan plan = StartLine.parse(List.of("--master", "spark-master.local",
                "--workers", "192.168.2.6,spark-slave-a.local", "--worker-cores", "4",
                "--worker-memory", "2g", "--port", "17077", "--webui-port", "18080",
                "--worker-webui-port", "18081"), POOL, SLAVE_A.id());
        assertThat(plan).isEqualTo(new ComputePlan(MASTER.id(), List.of(SLAVE_A.id()),
                new SparkPorts(17077, 18080, 18081), 4, 2048));
    }

    @Test
    void badLinesSayWhatToDo() {
        assertThatThrownBy(() -> StartLine.parse(List.of("--master", "nowhere"), POOL,
                MASTER.id())).hasMessage("compute start: no member 'nowhere' in this pool;"
                        + " 'bramble pool list' shows the members");
        assertThatThrownBy(() -> StartLine.parse(List.of("--workers", "witness.local"), POOL,
                MASTER.id())).hasMessageContaining("is a witness");
        assertThatThrownBy(() -> StartLine.parse(List.of("--worker-cores", "0"), POOL,
                MASTER.id())).hasMessageContaining("expected a number from 1 to");
        assertThatThrownBy(() -> StartLine.parse(List.of("--worker-memory", "lots"), POOL,
                MASTER.id())).hasMessageContaining("expected a size such as 512m or 2g");
        assertThatThrownBy(() -> StartLine.parse(List.of("--port", "8080"), POOL,
                MASTER.id())).hasMessage("compute start: --port and --webui-port must differ");
        assertThatThrownBy(() -> StartLine.parse(List.of("--master"), POOL, MASTER.id()))
                .hasMessage("compute start: --master needs a value");
    }

    @Test
    void memorySizesAreSparks() throws Exception {
        assertThat(StartLine.memoryMb("512m")).isEqualTo(512);
        assertThat(StartLine.memoryMb("512")).isEqualTo(512);
        assertThat(StartLine.memoryMb("1G")).isEqualTo(1024);
        assertThat(StartLine.memoryMb("1t")).isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> StartLine.memoryMb("900k"))
                .isInstanceOf(StartLine.BadStart.class);
    }

    @Test
    void thePlanSurvivesTheStore() throws Exception {
        PlanCodec codec = new PlanCodec();
        ComputePlan plan = new ComputePlan(MASTER.id(), List.of(SLAVE_A.id(), MASTER.id()),
                new SparkPorts(7077, 8080, 8081), 4, 1024);
        assertThat(codec.decode(codec.encode(plan))).isEqualTo(plan);
        ComputePlan all = new ComputePlan(MASTER.id(), List.of(), SparkPorts.DEFAULT, 0, 0);
        assertThat(codec.decode(codec.encode(all))).isEqualTo(all);
        assertThatThrownBy(() -> codec.decode("master=x\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFrameException.class);
    }
}
