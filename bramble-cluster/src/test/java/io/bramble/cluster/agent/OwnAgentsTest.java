package io.bramble.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.exec.ActionRequest;
import io.bramble.cluster.exec.ActionResult;
import io.bramble.cluster.exec.LocalAgentRunner;
import io.bramble.cluster.exec.MetadataReader;
import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.exec.ProcessShell;
import io.bramble.cluster.exec.Recovery;
import io.bramble.cluster.exec.TestAgents;
import io.bramble.cluster.fence.FenceAgentRunner;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bramble's own agents, installed and run as any OCF caller runs them. */
class OwnAgentsTest {
    private static final AgentName VIP = AgentName.ocf("bramble", "vip-loopback");
    private static final AgentName WEB = AgentName.ocf("bramble", "web");
    private static final AgentName MOUNT = AgentName.ocf("bramble", "mount");

    @TempDir
    Path root;
    private OwnAgents own;
    private LocalAgentRunner node1;
    private ActionRequest webStart;

    @BeforeEach
    void install() {
        own = new OwnAgents(root.resolve("agents")).install();
        node1 = runner("node1");
    }

    @AfterEach
    void stopWeb() {
        if (webStart != null) {
            node1.run(webStart.withAction("stop"));
        }
    }

    private AgentDirectories directories() {
        return new AgentDirectories(AgentDirectories.OCF_ROOT, List.of(own.ocfDirectory()),
                root.resolve("init.d"), List.of(), List.of(own.fenceDirectory()), false);
    }

    private LocalAgentRunner runner(String node) {
        ProcessShell shell = new ProcessShell(Clock.system(), root.resolve("scratch"));
        return new LocalAgentRunner(directories(), node, root.resolve("rsctmp-" + node),
                shell, new FenceAgentRunner(List.of(own.fenceDirectory()), shell));
    }

    @Test
    void showInTheCatalogWithMetadata() {
        AgentCatalog catalog = AgentDiscovery.discover(directories());
        assertThat(catalog.agents(Optional.of("ocf:bramble")))
                .containsExactly("mount", "vip-loopback", "web");
        assertThat(catalog.fenceAgents()).extracting(AgentName::type)
                .containsExactly("fence_bramble_lab");
        MetadataReader reader = new MetadataReader(node1, directories(),
                new ProcessShell(Clock.system(), root.resolve("scratch")));
        assertThat(AgentDescription.lines(reader.read(VIP), false)).startsWith(
                "ocf:bramble:vip-loopback - Virtual IP on loopback, without root")
                .contains("  ip (required) (unique group: address): The address: any "
                        + "127.x.y.z but 127.0.0.1.", "  monitor:", "    interval=10s",
                        "    timeout=10s");
        assertThat(AttributeCheck.of(reader.read(WEB), Map.of(), false).errors())
                .containsExactly("required resource option 'root' is missing, use --force to"
                        + " override");
        AgentMetadata fence = PcsMetadata.of(reader.read(
                AgentName.of("stonith", "fence_bramble_lab")));
        assertThat(AgentDescription.lines(fence, false)).startsWith("fence_bramble_lab - "
                + "Fence agent for bramble's one-machine labs").contains(
                        "  monitor:", "    interval=60s");
    }

    @Test
    void aLoopbackAddressIsHeldByOneNodeAtATime() {
        Map<String, String> attributes = Map.of("ip", "127.0.0.100", "claims",
                root.resolve("claims").toString());
        ActionRequest start = ActionRequest.of("vip", VIP, "start", 10_000, attributes);
        LocalAgentRunner node2 = runner("node2");
        assertThat(node1.run(start.withAction("monitor")).rc()).isEqualTo(7);
        assertThat(node1.run(start).rc()).isZero();
        ActionResult second = node2.run(start);
        assertThat(second.rc()).isEqualTo(1);
        assertThat(second.exitReason()).contains("127.0.0.100 is held by node1 already");
        assertThat(node2.run(start.withAction("monitor")).rc()).isEqualTo(7);
        assertThat(node1.run(start.withAction("monitor")).rc()).isZero();
        assertThat(node2.run(start.withAction("stop")).rc()).isZero();
        assertThat(node1.run(start.withAction("monitor")).rc()).isZero();
        assertThat(node1.run(start.withAction("stop")).rc()).isZero();
        assertThat(node2.run(start).rc()).isZero();
    }

    @Test
    void aClaimHoldsOnlyWhileTheProcessThatMadeItLives() throws Exception {
        Path claims = root.resolve("claims");
        Map<String, String> attributes = Map.of("ip", "127.0.0.101", "claims",
                claims.toString());
        ActionRequest start = ActionRequest.of("vip", VIP, "start", 10_000, attributes);
        LocalAgentRunner node2 = runner("node2");
        assertThat(node1.run(start).rc()).isZero();
        String owner = Files.readString(claims.resolve("127.0.0.101/owner")).strip();
        assertThat(owner).startsWith(ProcessHandle.current().pid() + " ");
        assertThat(node2.run(start).rc()).isEqualTo(1);

        // node1's daemon dies (a process number no process has, with its start time).
        Files.writeString(claims.resolve("127.0.0.101/owner"), "4194305 "
                + owner.substring(owner.indexOf(' ') + 1) + "\n");
        assertThat(node1.run(start.withAction("monitor")).rc()).isEqualTo(7);
        assertThat(node2.run(start).rc()).isZero();
        assertThat(node2.run(start.withAction("monitor")).rc()).isZero();
        assertThat(node1.run(start).rc()).isEqualTo(1);
        // A stop by the node that no longer holds it leaves the new holder's claim alone.
        assertThat(node1.run(start.withAction("stop")).rc()).isZero();
        assertThat(node2.run(start.withAction("monitor")).rc()).isZero();
        assertThat(claims).isDirectoryNotContaining(path -> path.getFileName().toString()
                .startsWith("."));
    }

    @Test
    void anAddressOffLoopbackIsAFatalConfigurationError() {
        ActionRequest start = ActionRequest.of("vip", VIP, "start", 10_000,
                Map.of("ip", "10.0.0.1"));
        ActionResult result = node1.run(start);
        assertThat(result.rc()).isEqualTo(6);
        assertThat(Outcome.of(start, result).recovery()).contains(Recovery.FATAL);
        assertThat(result.exitReason().orElseThrow()).contains("ocf:heartbeat:IPaddr2");
        assertThat(node1.run(start.withAction("stop")).rc()).isZero();
    }

    @Test
    void servesASiteWithBrambleWeb() throws Exception {
        Path site = Files.createDirectories(root.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1> Running on web1</h1>\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        webStart = ActionRequest.of("site", WEB, "start", 30_000, Map.of("root",
                site.toString(), "bind", "127.0.0.1:" + port, "bramble", standIn().toString()));
        ActionResult started = node1.run(webStart);
        assertThat(started.rc()).as(started.output()).isZero();
        assertThat(node1.run(webStart.withAction("monitor")).rc()).isZero();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).isEqualTo("<h1> Running on web1</h1>\n");
        assertThat(node1.run(webStart.withAction("stop")).rc()).isZero();
        assertThat(node1.run(webStart.withAction("monitor")).rc()).isEqualTo(7);
        try (ServerSocket again = new ServerSocket(port, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.isBound()).isTrue();
        }
    }

    @Test
    void aMissingDocumentRootIsAHardError() throws IOException {
        ActionRequest start = ActionRequest.of("site", WEB, "start", 30_000, Map.of("root",
                root.resolve("none").toString(), "bramble", standIn().toString()));
        ActionResult result = node1.run(start);
        assertThat(result.rc()).isEqualTo(5);
        assertThat(result.exitReason().orElseThrow()).contains("is not a directory");
    }

    @Test
    void mountsAVolumeWithBrambleMount() throws Exception {
        assumeTrue(TestAgents.isRoot(), "mounting needs root");
        Path directory = root.resolve("mnt/gv0");
        // A stand-in for bramble mount: the same mount table entry (source HOST:/VOL), tmpfs.
        Path bramble = script("bramble", "[ \"$1\" = mount ] || exit 2\n"
                + "exec mount -t tmpfs \"$2\" \"$3\"\n");
        ActionRequest start = ActionRequest.of("data", MOUNT, "start", 60_000, Map.of(
                "volume", "192.168.0.121:/gv0", "directory", directory.toString(),
                "bramble", bramble.toString()));
        assertThat(node1.run(start.withAction("monitor")).rc()).isEqualTo(7);
        ActionResult started = node1.run(start);
        assertThat(started.rc()).as(started.output()).isZero();
        assertThat(Files.readString(Path.of("/proc/mounts")))
                .contains("192.168.0.121:/gv0 " + directory + " tmpfs");
        assertThat(node1.run(start.withAction("monitor")).rc()).isZero();
        assertThat(node1.run(start.withAction("stop")).rc()).isZero();
        assertThat(Files.readString(Path.of("/proc/mounts"))).doesNotContain(directory
                .toString());
        assertThat(node1.run(start.withAction("monitor")).rc()).isEqualTo(7);
    }

    @Test
    void aFailedMountGivesBrambleMountsReason() throws IOException {
        Path bramble = script("bramble", "echo 'bramble: mounting h:/gv0 on /x failed:' >&2\n"
                + "echo '  volume gv0 does not exist' >&2\nexit 1\n");
        ActionRequest start = ActionRequest.of("data", MOUNT, "start", 60_000, Map.of(
                "volume", "h:/gv0", "directory", root.resolve("mnt").toString(),
                "bramble", bramble.toString()));
        ActionResult result = node1.run(start);
        assertThat(result.rc()).isEqualTo(1);
        assertThat(result.exitReason()).contains(
                "bramble mount failed:   volume gv0 does not exist");
        ActionResult bad = node1.run(ActionRequest.of("data", MOUNT, "start", 60_000,
                Map.of("volume", "gv0", "directory", "/mnt")));
        assertThat(bad.rc()).isEqualTo(6);
    }

    private Path script(String name, String body) throws IOException {
        Path script = root.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** A {@code bramble} command that runs {@link WebStandIn} on this test's class path. */
    private Path standIn() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return script("bramble", "shift\nexec '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' "
                + WebStandIn.class.getName() + " \"$@\"\n");
    }
}
