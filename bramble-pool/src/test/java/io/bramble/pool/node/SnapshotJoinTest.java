package io.bramble.pool.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.Clock;
import io.bramble.pool.member.MemberCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that joins a pool whose members have restarted: the leader then has a snapshot of the
 * store and sends it first. The new replica must take it and go on with the log, not close.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SnapshotJoinTest {
    @Test
    void aNodeJoiningAfterARestartTakesTheLeadersSnapshot(@TempDir Path dir) throws Exception {
        NodeSettings first = settings(dir.resolve("one"), "127.0.0.51", "one");
        NodeSettings second = settings(dir.resolve("two"), "127.0.0.52", "two");
        PoolNode one = start(first);
        PoolNode two = start(second);
        assertThat(one.probe(target(two))).isEqualTo("peer probe: success. ");
        two.close();
        one.close();
        assertThat(snapshots(dir.resolve("one"))).as("a stopped replica leaves a snapshot")
                .isNotEmpty();

        PoolNode oneAgain = start(first);
        PoolNode twoAgain = start(second);
        PoolNode three = start(settings(dir.resolve("three"), "127.0.0.53", "three"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> stableLeader(oneAgain)
                    || stableLeader(twoAgain));
            assertThat(oneAgain.probe(target(three))).isEqualTo("peer probe: success. ");
            await().atMost(Duration.ofSeconds(30)).until(() -> three.store != null
                    && three.store.list(MemberCodec.TYPE).size() == 3);
            assertThat(three.store.voterIds()).hasSize(3);
        } finally {
            three.close();
            twoAgain.close();
            oneAgain.close();
        }
    }

    private static boolean stableLeader(PoolNode node) {
        return node.store != null && node.store.isStableLeader();
    }

    private static List<Path> snapshots(Path stateDir) throws IOException {
        try (Stream<Path> files = Files.walk(stateDir.resolve("raft"))) {
            return files.filter(f -> f.getFileName().toString().matches(
                    "snapshot\\.\\d+_\\d+")).toList();
        }
    }

    private static String target(PoolNode node) {
        InetSocketAddress address = node.boundAddress();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static NodeSettings settings(Path stateDir, String host, String name)
            throws IOException {
        return new NodeSettings(stateDir, host, freePort(host), freePort(host), name, false,
                new byte[0], Clock.system());
    }

    private static PoolNode start(NodeSettings settings) {
        return PoolNode.start(settings, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        }
    }
}
