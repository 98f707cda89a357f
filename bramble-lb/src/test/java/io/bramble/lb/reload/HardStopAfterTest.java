package io.bramble.lb.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hard-stop-after}: a TCP connection that would stay open forever is closed once the
 * time has passed after a reload retired its generation, or after a graceful stop.
 */
class HardStopAfterTest {
    /** Bounds a read that should see the connection closed, so a failure cannot hang. */
    private static final int READ_TIMEOUT_MS = 30_000;

    @TempDir
    private Path temp;
    private ServerSocket server;
    private LbService service;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stopAll() throws IOException {
        if (service != null) {
            service.close();
        }
        server.close();
    }

    @Test
    void aReloadClosesTheOldGenerationsConnectionsAfterTheTime() throws Exception {
        service = start();
        try (Socket client = connect(); Socket accepted = server.accept()) {
            assertThat(service.reload().applied()).isTrue();
            assertThat(client.getInputStream().read()).as("end of stream").isEqualTo(-1);
            try (Socket second = connect(); Socket secondAccepted = server.accept()) {
                second.getOutputStream().write('x');
                assertThat(secondAccepted.getInputStream().read()).isEqualTo('x');
            }
        }
    }

    @Test
    void aGracefulStopEndsAfterTheTimeWithConnectionsStillOpen() throws Exception {
        service = start();
        try (Socket client = connect(); Socket accepted = server.accept()) {
            service.stopGracefully();
            assertThat(client.getInputStream().read()).as("end of stream").isEqualTo(-1);
            assertThat(service.awaitStop()).isZero();
        }
    }

    private LbService start() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path file = Files.writeString(temp.resolve("haproxy.cfg"), """
                global
                    hard-stop-after 50ms
                listen relay
                    mode tcp
                    bind 127.0.0.1:%d
                    server s 127.0.0.1:%d
                """.formatted(port, server.getLocalPort()));
        return LbService.start(file, new HaproxyConfigParser(Map.of(), false), Clock.system(),
                new SplittableRandom(7), "test", false);
    }

    private Socket connect() throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(),
                service.current().boundAddresses().getFirst().getPort());
        client.setSoTimeout(READ_TIMEOUT_MS);
        return client;
    }
}
