package io.bramble.fs.volume.command;

import static io.bramble.fs.volume.command.CommandLines.failed;
import static io.bramble.fs.volume.command.CommandLines.ok;
import static io.bramble.fs.volume.command.CommandLines.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.PendingCounters;
import io.bramble.fs.volume.heal.SetConnections;
import io.bramble.fs.volume.serve.NetworkBrickHost;
import io.bramble.fs.volume.serve.VolumeService;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.fs.volume.spec.ClientSpecText;
import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.node.NodeSettings;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split-brain through the volume commands: two nodes in this JVM serving the bricks of a
 * replica 2 volume for real, files put in split-brain on the bricks (each copy with data of
 * its own and a mark against the other), then {@code volume heal NAME info split-brain}, the
 * {@code split-brain} resolutions and {@code cluster.favorite-child-policy}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SplitBrainCommandsTest {
    private static final String ONE = "127.0.0.61";
    private static final String TWO = "127.0.0.62";

    /** How long the pool and the bricks may take to come up on a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private PoolNode one;
    private PoolNode two;
    private List<FileOps> copies;
    private long nextId = 1;

    @BeforeEach
    void aStartedReplicaVolumeOnTwoNodes() throws Exception {
        one = node("one", ONE);
        two = node("two", TWO);
        one.probe(TWO + ":" + two.boundAddress().getPort());
        await().atMost(PATIENCE).until(() -> one.members().size() == 2
                && two.members().size() == 2 && one.state(two.id()) == PeerState.CONNECTED
                && two.state(one.id()) == PeerState.CONNECTED);
        ok(one, "volume create gv0 replica 2 " + brick(ONE) + " " + brick(TWO) + " force");
        ok(one, "volume start gv0");
        await().atMost(PATIENCE).until(() -> ClientSpecText.decode(run(one,
                "volume getspec gv0").out()).map(s -> s.endpoints().stream().allMatch(
                        e -> e.online() && e.port() > 0))
                .orElse(false));
        ClientSpec spec = ClientSpecText.decode(ok(one, "volume getspec gv0")).orElseThrow();
        SetConnections connections = SetConnections.open("gv0", spec.endpoints(), PoolTls.of(
                one.membership().orElseThrow()));
        open.add(connections);
        connections.awaitConnected(10_000);
        assertThat(connections.allConnected()).isTrue();
        copies = connections.ops();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private PoolNode node(String name, String host) throws IOException {
        NodeSettings settings = new NodeSettings(dir.resolve(name), host, freePort(host),
                freePort(host), name, false, new byte[0], Clock.system());
        PoolNode node = PoolNode.start(settings, new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8));
        open.add(node);
        NetworkBrickHost bricks = new NetworkBrickHost(node, freePort(host));
        open.add(bricks);
        VolumeService service = VolumeService.start(node, bricks);
        open.add(service);
        node.addCommands(new VolumeCommands(service));
        return node;
    }

    private String brick(String host) {
        return host + ":" + brickDir(host);
    }

    private Path brickDir(String host) {
        return dir.resolve("bricks").resolve(host).resolve("gv0");
    }

    /**
     * {@code path} on both bricks with one id, copy i holding {@code contents[i]}, written at
     * second {@code 100 * (i + 1)}, and blaming the other copy.
     */
    private void splitBrain(String path, String... contents) throws FsException {
        FsPath file = FsPath.parse(path);
        FileId id = FileId.of(new UUID(7, nextId++));
        for (int i = 0; i < 2; i++) {
            FileOps copy = copies.get(i);
            Opened o = copy.create(Caller.ROOT, file, id, 0644, OpenFlags.RDWR);
            copy.write(o.handle(), 0, contents[i].getBytes(StandardCharsets.UTF_8));
            copy.release(o.handle());
            copy.setattr(Caller.ROOT, file, new SetAttr(OptionalInt.empty(), OptionalInt
                    .empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.of(100_000_000_000L * (i + 1))));
            copy.setxattr(Caller.ROOT, file, PendingCounters.name(1 - i), new PendingCounters(1,
                    0, 0).encode(), 0);
        }
    }

    private String onBrick(String host, String path) throws IOException {
        return Files.readString(brickDir(host).resolve(path.substring(1)));
    }

    @Test
    void splitBrainsAreListedAndHealedFromTheCopyTheUserNames() throws Exception {
        FileId dirId = FileId.of(new UUID(8, 1));
        for (FileOps copy : copies) {
            copy.mkdir(Caller.ROOT, FsPath.parse("/d"), dirId, 0755);
        }
        splitBrain("/f", "the longer side", "short");
        splitBrain("/d/g", "one", "two");
        splitBrain("/h", "from one", "from two");

        String listed = "\n/d/g\n/f\n/h\nStatus: Connected\nNumber of entries in split-brain: 3"
                + "\n\n";
        assertThat(ok(two, "volume heal gv0 info split-brain")).isEqualTo("Brick " + brick(ONE)
                + listed + "Brick " + brick(TWO) + listed);
        // Self-heal looks at the split files again each second: while such a pass runs, the
        // summary counts them as possibly healing and shows its progress.
        String summary = "Brick " + brick(TWO) + "\nStatus: Connected\nTotal Number of"
                + " entries: 3\nNumber of entries in heal pending: 0\nNumber of entries in"
                + " split-brain: 3\nNumber of entries possibly healing: 0\n\n";
        await().atMost(PATIENCE).until(() -> ok(one, "volume heal gv0 info summary")
                .endsWith(summary));

        assertThat(ok(two, "volume heal gv0 split-brain bigger-file /f")).isEqualTo(
                "Healed /f.\n");
        assertThat(onBrick(TWO, "/f")).isEqualTo("the longer side");
        assertThat(failed(one, "volume heal gv0 split-brain latest-mtime /f")).isEqualTo(
                "Healing /f failed: File not in split-brain.\nVolume heal failed.\n");
        assertThat(failed(one, "volume heal gv0 split-brain bigger-file /d/g")).isEqualTo(
                "Healing /d/g failed: No bigger file.\nVolume heal failed.\n");
        assertThat(failed(one, "volume heal gv0 split-brain bigger-file /d")).isEqualTo(
                "'bigger-file' not a valid option for directories.\nVolume heal failed.\n");
        assertThat(failed(one, "volume heal gv0 split-brain latest-mtime /nothing")).isEqualTo(
                "Lookup failed on /nothing:No such file or directory.\nVolume heal failed.\n");
        assertThat(failed(one, "volume heal gv0 split-brain latest-mtime h")).isEqualTo(
                "<FILE> must be absolute path w.r.t. the volume, starting with '/'\n"
                        + "Volume heal failed.\n");
        assertThat(failed(one, "volume heal gv0 split-brain source-brick " + ONE + ":/x /h"))
                .isEqualTo("\"" + ONE + ":/x\"- No such brick available in the volume.\n"
                        + "Volume heal failed.\n");
        CommandReply usage = run(one, "volume heal gv0 split-brain source-brick " + ONE);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Usage: volume heal <VOLNAME> [full");

        assertThat(ok(one, "volume heal gv0 split-brain source-brick " + brick(ONE) + " /h"))
                .isEqualTo("Healed /h.\n");
        assertThat(onBrick(TWO, "/h")).isEqualTo("from one");
        assertThat(ok(one, "volume heal gv0 split-brain source-brick " + brick(TWO)))
                .isEqualTo("Healed /d/g.\nStatus: Connected\nNumber of healed entries: 1\n\n");
        assertThat(onBrick(ONE, "/d/g")).isEqualTo("two");

        String none = "\nStatus: Connected\nNumber of entries in split-brain: 0\n\n";
        assertThat(ok(one, "volume heal gv0 info split-brain")).isEqualTo("Brick " + brick(ONE)
                + none + "Brick " + brick(TWO) + none);
        assertThat(ok(one, "volume heal gv0 info")).doesNotContain("/f", "/h", "/d/g");
    }

    @Test
    void theFavoriteChildPolicyLetsSelfHealSettleSplitBrainsByItself() throws Exception {
        splitBrain("/m", "older", "newer");
        assertThat(ok(one, "volume heal gv0 info split-brain")).contains("/m");

        ok(two, "volume set gv0 cluster.favorite-child-policy mtime");
        await().atMost(Duration.ofSeconds(30)).until(() -> onBrick(ONE, "/m").equals("newer"));

        String empty = "\nStatus: Connected\nNumber of entries: 0\n\n";
        await().atMost(Duration.ofSeconds(10)).until(() -> run(one, "volume heal gv0 info")
                .out().equals("Brick " + brick(ONE) + empty + "Brick " + brick(TWO) + empty));
        assertThat(onBrick(TWO, "/m")).isEqualTo("newer");
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }
}
