package io.bramble.cluster.fence;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.exec.ProcessShell;
import io.bramble.cluster.model.AgentName;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterProperties;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.Defaults;
import io.bramble.cluster.model.NoQuorumPolicy;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Primitive;
import io.bramble.common.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which devices fence a node, in which order, and what each said; real agent processes. */
class FencerTest {
    @TempDir
    Path dir;

    @Test
    void triesTheDevicesThatCanFenceTheNodeInOrderUntilOneSucceeds() throws Exception {
        agent("fence_broken", "echo 'no answer from the switch' >&2; exit 1");
        agent("fence_fine", "cat > \"$0.stdin\"; exit 0");
        Cluster cluster = cluster(
                device("other", "fence_fine", Map.of("pcmk_host_list", "n2")),
                device("first", "fence_broken", Map.of()),
                device("second", "fence_fine", Map.of("pcmk_host_map", "n1:7")));

        Fencer.Outcome outcome = fencer().fence(cluster, "n1", FenceAction.OFF);

        assertThat(outcome.off()).isTrue();
        assertThat(outcome.tries()).containsExactly(
                "first (fence_broken off): failed: no answer from the switch",
                "second (fence_fine off): done");
        assertThat(Files.readString(dir.resolve("fence_fine.stdin")))
                .startsWith("action=off\nport=7\nnodename=n1\n");
    }

    @Test
    void aNodeNoDeviceCanFenceIsNotFenced() throws Exception {
        agent("fence_fine", "exit 0");
        Cluster cluster = cluster(device("only", "fence_fine", Map.of("pcmk_host_list",
                "n2")));

        Fencer.Outcome outcome = fencer().fence(cluster, "n1", FenceAction.REBOOT);

        assertThat(outcome.off()).isFalse();
        assertThat(outcome.tries()).containsExactly("no fence device can fence n1 (none names"
                + " it in its pcmk_host_map or pcmk_host_list)");
    }

    /**
     * A device gets the cluster's {@code stonith-timeout} unless its own {@code
     * pcmk_reboot_timeout} says otherwise: the agent answers after 2 s, past a 300 ms
     * stonith-timeout but within a device's 30 s.
     */
    @Test
    void aDeviceHasTheClustersStonithTimeoutUnlessItsOwnSaysOtherwise() throws Exception {
        agent("fence_slow", "sleep 2; exit 0");
        ClusterProperties quick = new ClusterProperties(true, NoQuorumPolicy.STOP, true,
                900_000, true, "reboot", 300);

        Fencer.Outcome cut = fencer().fence(cluster(quick, device("slow", "fence_slow",
                Map.of())), "n1", FenceAction.REBOOT);
        assertThat(cut.tries()).containsExactly("slow (fence_slow reboot): timed out");

        Fencer.Outcome waited = fencer().fence(cluster(quick, device("slow", "fence_slow",
                Map.of("pcmk_reboot_timeout", "30s"))), "n1", FenceAction.REBOOT);
        assertThat(waited.tries()).containsExactly("slow (fence_slow reboot): done");
    }

    private Fencer fencer() {
        return new Fencer(new FenceAgentRunner(List.of(dir), new ProcessShell(Clock.system(),
                dir.resolve("scratch"))));
    }

    private void agent(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Primitive device(String id, String type, Map<String, String> attributes) {
        return new Primitive(id, new AgentName("stonith", Optional.empty(), type),
                new LinkedHashMap<>(attributes), List.of(), new LinkedHashMap<>());
    }

    private static Cluster cluster(Primitive... devices) {
        return cluster(ClusterProperties.DEFAULTS, devices);
    }

    private static Cluster cluster(ClusterProperties properties, Primitive... devices) {
        return new Cluster(properties, List.of(new Node("1", "n1", true, false),
                new Node("2", "n2", true, false)), List.of(devices), List.of(), Defaults.NONE,
                ClusterStatus.idle());
    }
}
