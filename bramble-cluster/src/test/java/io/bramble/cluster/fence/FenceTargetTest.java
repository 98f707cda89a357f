package io.bramble.cluster.fence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FenceTargetTest {
    @Test
    void theHostMapNamesEachNodesPlug() {
        Map<String, String> device = Map.of("pcmk_host_map", "node1:1;node2=2,3 node3:x");
        assertThat(FenceTarget.plugFor(device, "node1")).contains("1");
        assertThat(FenceTarget.plugFor(device, "node2")).contains("2,3");
        assertThat(FenceTarget.plugFor(device, "node3")).contains("x");
        assertThat(FenceTarget.plugFor(device, "node4")).isEmpty();
    }

    @Test
    void theHostListLimitsWhichNodesTheDeviceFences() {
        Map<String, String> device = Map.of("pcmk_host_list", "node1, node2");
        assertThat(FenceTarget.plugFor(device, "node2")).contains("node2");
        assertThat(FenceTarget.plugFor(device, "node3")).isEmpty();
        assertThat(FenceTarget.plugFor(Map.of(), "node3")).contains("node3");
    }

    @Test
    void writesStdinAsTheFencerDoes() {
        String stdin = FenceRequest.stdin(FenceAction.OFF, Map.of("ip", "10.0.0.9",
                "pcmk_host_map", "node1:7", "username", "admin"), Optional.of("node1"),
                Optional.of("7"));
        assertThat(stdin).isEqualTo("action=off\nport=7\nnodename=node1\nip=10.0.0.9\n"
                + "username=admin\n");
        assertThat(FenceRequest.stdin(FenceAction.VALIDATE_ALL, Map.of(), Optional.empty(),
                Optional.empty())).isEqualTo("action=validate-all\n");
    }
}
