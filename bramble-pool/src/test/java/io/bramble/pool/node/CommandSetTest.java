package io.bramble.pool.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.Clock;
import io.bramble.pool.events.PoolEvent;
import io.bramble.pool.member.Member;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's command words on two nodes in this JVM: the node hands them to the module's set,
 * runs them on another member through the pool link, and tells subscribers which record types
 * changed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommandSetTest {
    private static final RecordType<String> NOTE = new RecordType<>("test.note",
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

    /** Answers {@code where} with the name of the node that ran it. */
    private record Where(String name) implements CommandSet {
        @Override
        public Set<String> words() {
            return Set.of("where");
        }

        @Override
        public CommandReply run(PoolNode node, List<String> args) {
            if (args.size() > 1) {
                throw new CommandFailure("where: failed: no arguments");
            }
            return new CommandReply(0, name + "\n", "");
        }
    }

    @Test
    void aModulesWordsRunHereAndOnAnotherMember(@TempDir Path dir) throws Exception {
        PoolNode one = start(dir.resolve("one"), "127.0.0.43", "one");
        PoolNode two = start(dir.resolve("two"), "127.0.0.44", "two");
        try {
            one.addCommands(new Where("one"));
            two.addCommands(new Where("two"));
            assertThat(NodeCommands.run(one, List.of("where"))).isEqualTo(
                    new CommandReply(0, "one\n", ""));
            assertThat(NodeCommands.run(one, List.of("where", "now"))).isEqualTo(
                    new CommandReply(1, "", "where: failed: no arguments\n"));
            assertThat(NodeCommands.run(one, List.of("nothing")).err()).isEqualTo(
                    "unknown command 'nothing'; expected peer probe|status|detach, pool"
                            + " list|set|get, where\n");
            assertThatThrownBy(() -> one.addCommands(new Where("again")))
                    .hasMessage("the command word 'where' is taken");

            List<PoolEvent> seen = new CopyOnWriteArrayList<>();
            two.subscribe(seen::add);
            one.probe("127.0.0.44:" + two.boundAddress().getPort());
            await().atMost(Duration.ofSeconds(20)).until(() -> one.members().size() == 2
                    && one.state(two.id()) == io.bramble.pool.liveness.PeerState.CONNECTED);
            Member memberTwo = one.members().byId(two.id()).orElseThrow();
            assertThat(one.runOn(memberTwo, List.of("where"), 5_000).out()).isEqualTo("two\n");
            Member memberOne = one.members().byId(one.id()).orElseThrow();
            assertThat(one.runOn(memberOne, List.of("where"), 5_000).out()).isEqualTo("one\n");

            one.store().orElseThrow().put(NOTE, "a", "b", ClusterStore.NEW);
            // Once caught up, the other node's copy answers with the change at once.
            two.store().orElseThrow().catchUp();
            assertThat(two.store().orElseThrow().get(NOTE, "a")).map(v -> v.value())
                    .contains("b");
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(
                    e -> e instanceof PoolEvent.RecordsChanged r && r.type().equals("test.note")));
        } finally {
            two.close();
            one.close();
        }
    }

    @Test
    void anUnreachableMemberFailsWithinTheBound(@TempDir Path dir) throws Exception {
        PoolNode one = start(dir.resolve("one"), "127.0.0.45", "one");
        try {
            Member gone = new Member(java.util.UUID.randomUUID(), List.of("gone"), "127.0.0.46",
                    freePort("127.0.0.46"), 1, io.bramble.pool.member.Role.VOTER, 0);
            long start = System.nanoTime();
            assertThatThrownBy(() -> one.runOn(gone, List.of("where"), 1_000))
                    .isInstanceOf(IOException.class);
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        } finally {
            one.close();
        }
    }

    private static PoolNode start(Path stateDir, String host, String name) throws IOException {
        NodeSettings settings = new NodeSettings(stateDir, host, freePort(host), freePort(host),
                name, false, new byte[0], Clock.system());
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
