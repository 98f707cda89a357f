package io.bramble.it.pool;

import static io.bramble.it.pool.PoolNodes.shows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.pool.wire.Message;
import io.bramble.pool.wire.MessageCodec;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Who may join, and what a stranger on the network gets: nothing. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PoolSecurityTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void aNodeOfAnotherPoolCanNeitherProbeNorBeProbed() {
        PoolNodes pool = new PoolNodes(cluster);
        for (int n = 1; n <= 4; n++) {
            pool.start("gluster" + n);
        }
        pool.probeAll("gluster1", "gluster2");
        pool.probeAll("gluster3", "gluster4");
        String before = pool.ok("gluster1", "pool", "list");

        PoolNodes.Result in = pool.run("gluster3", "peer", "probe", "gluster1.local");
        assertThat(in.exit()).isEqualTo(1);
        assertThat(in.err()).isEqualTo("peer probe: failed: gluster1.local is either already"
                + " part of another cluster or having volumes configured\n");
        PoolNodes.Result out = pool.run("gluster1", "peer", "probe", "gluster3.local");
        assertThat(out.exit()).isEqualTo(1);
        assertThat(out.err()).contains("already part of another cluster");
        assertThat(pool.ok("gluster1", "pool", "list")).isEqualTo(before);
        assertThat(pool.ok("gluster3", "peer", "status")).contains("Number of Peers: 1\n")
                .contains("gluster4.local");
        pool.process("gluster1").awaitLine("refused a probe from gluster3.local");
    }

    @Test
    void aStrangerGetsTlsAndNoAnswer() throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.probeAll("gluster1", "gluster2");
        String host = pool.address("gluster1");
        int port = pool.port();

        // The management port speaks TLS 1.3 only; a stranger's certificate gets it in...
        try (SSLSocket socket = ForeignClient.connect(host, port)) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            byte[] hello = MessageCodec.encode(new Message.Hello(UUID.randomUUID(),
                    UUID.randomUUID()));
            ForeignClient.sendFrame(socket, hello.length, hello);
            // ...and its first frame gets it out, with nothing said.
            assertThat(ForeignClient.drain(socket)).isZero();
        }
        try (SSLSocket socket = ForeignClient.connect(host, port)) {
            byte[] ask = MessageCodec.encode(new Message.CommandRequest(List.of("pool",
                    "list")));
            ForeignClient.sendFrame(socket, ask.length, ask);
            assertThat(ForeignClient.drain(socket)).isZero();
        }
        try (SSLSocket socket = ForeignClient.connect(host, port)) {
            ForeignClient.sendFrame(socket, Integer.MAX_VALUE, new byte[64]);
            assertThat(ForeignClient.drain(socket)).isZero();
        }
        try (SSLSocket socket = ForeignClient.connect(host, port)) {
            ForeignClient.sendFrame(socket, 5, new byte[]{(byte) 200, 1, 2, 3, 4});
            assertThat(ForeignClient.drain(socket)).isZero();
        }
        // Plain text is not TLS: whatever comes back is no answer in clear.
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), 5_000);
            plain.setSoTimeout(5_000);
            OutputStream raw = plain.getOutputStream();
            raw.write("peer status\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            raw.flush();
            byte[] reply = plain.getInputStream().readNBytes(256);
            assertThat(new String(reply, StandardCharsets.ISO_8859_1)).doesNotContain("Peer")
                    .doesNotContain("gluster");
        }
        // The store's port is open, and wants the pool's certificate: a stranger's TLS
        // session fails at once.
        try (Socket open = new Socket()) {
            open.connect(new InetSocketAddress(host, port + 1), 5_000);
        }
        assertThatThrownBy(() -> {
            try (SSLSocket socket = ForeignClient.connect(host, port + 1)) {
                socket.getOutputStream().write(new byte[]{0});
                socket.getOutputStream().flush();
                socket.getInputStream().read();
            }
        }).isInstanceOfAny(javax.net.ssl.SSLException.class, java.net.SocketException.class)
                .isNotInstanceOf(java.net.ConnectException.class);

        // None of it hurt the node.
        pool.awaitStatus("gluster1", shows("gluster2.local", "Connected"),
                Duration.ofSeconds(5));
        pool.ok("gluster1", "pool", "set", "after", "strangers");
        pool.process("gluster1").awaitLine("closed a connection for a frame from a non-member");
        pool.process("gluster1").awaitLine("closed a connection for an oversized frame");
    }

    @Test
    void aJoinSecretKeepsOutProbesWithoutIt(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "correct horse battery\n");
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2", "--join-secret", secret.toString());
        pool.start("gluster3", "--join-secret", secret.toString());
        PoolNodes.Result refused = pool.run("gluster1", "peer", "probe", "gluster3.local");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("requires a join secret");
        pool.probeAll("gluster2", "gluster3");
        assertThat(pool.ok("gluster3", "peer", "status")).contains("gluster2.local");
    }
}
