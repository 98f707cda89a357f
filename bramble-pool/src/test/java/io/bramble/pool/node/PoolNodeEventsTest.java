package io.bramble.pool.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.Clock;
import io.bramble.pool.events.PoolEvent;
import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.MemberCodec;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.store.Versioned;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in this JVM: what a subscriber sees while one probes the other and the other
 * stops, and the typed store API a later module uses.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PoolNodeEventsTest {
    /** A record type as a later module would declare one. */
    private static final RecordType<String> VOLUME = new RecordType<>("volume",
            new RecordCodec<>() {
                @Override
                public byte[] encode(String value) {
                    return value.getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public String decode(byte[] bytes) {
                    return new String(bytes, StandardCharsets.UTF_8);
                }
            });

    @Test
    void aSubscriberSeesMembersLivenessAndQuorum(@TempDir Path dir) throws Exception {
        PoolNode one = start(dir.resolve("one"), "127.0.0.41", "one");
        PoolNode two = start(dir.resolve("two"), "127.0.0.42", "two");
        List<PoolEvent> seen = new CopyOnWriteArrayList<>();
        one.subscribe(seen::add);
        try {
            assertThat(one.probe("127.0.0.42:" + two.boundAddress().getPort()))
                    .isEqualTo("peer probe: success. ");
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.stream().anyMatch(
                    e -> e instanceof PoolEvent.LivenessChanged l && l.member().equals(two.id())
                            && l.state() == PeerState.CONNECTED));
            assertThat(seen).anyMatch(e -> e instanceof PoolEvent.MembershipChanged m
                    && m.members().size() == 2);

            ClusterStore store = one.store().orElseThrow();
            Versioned<String> made = store.put(VOLUME, "gv0", "replica 2", ClusterStore.NEW);
            assertThat(made.version()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> two.store().orElseThrow()
                    .get(VOLUME, "gv0").isPresent());
            assertThat(two.store().orElseThrow().get(VOLUME, "gv0").orElseThrow().value())
                    .isEqualTo("replica 2");
            assertThat(two.store().orElseThrow().list(MemberCodec.TYPE)).hasSize(2);
        } finally {
            two.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(
                e -> e instanceof PoolEvent.QuorumChanged q && !q.hasMajority()
                        && q.reachable() == 1 && q.voters() == 2));
        assertThat(seen).anyMatch(e -> e instanceof PoolEvent.LivenessChanged l
                && l.state() == PeerState.DISCONNECTED);
        one.close();
    }

    private static PoolNode start(Path stateDir, String host, String name) throws IOException {
        int port = freePort(host);
        int raftPort = freePort(host);
        NodeSettings settings = new NodeSettings(stateDir, host, port, raftPort, name, false,
                new byte[0], Clock.system());
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
