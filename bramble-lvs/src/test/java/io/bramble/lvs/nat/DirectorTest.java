package io.bramble.lvs.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.Clock;
import io.bramble.lb.proxy.Poller;
import io.bramble.lb.proxy.Transport;
import io.bramble.lvs.config.KeepalivedFile;
import io.bramble.lvs.config.VirtualServerConfig;
import io.bramble.lvs.service.ServiceView;
import io.bramble.lvs.service.VirtualService;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The directors on loopback, with plain sockets as real servers and clients. */
class DirectorTest {
    private final Transport transport = Transport.create(1,
            Epoll.isAvailable() ? Poller.EPOLL : Poller.NIO);

    @AfterEach
    void stop() {
        transport.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static VirtualService service(String protocol, int port, String reals) {
        VirtualServerConfig config = KeepalivedFile.read(new KeepalivedConfigParser(),
                "k.conf", "virtual_server 127.0.0.1 " + port + " {\nprotocol " + protocol
                        + "\nlb_algo rr\n" + reals + "}\n",
                Path.of("."))
                .lvs().virtualServers().getFirst();
        return new VirtualService(config, Clock.system());
    }

    @Test
    void relaysBothWaysAndPassesAHalfCloseOn() throws Exception {
        try (ServerSocket real = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            int vport = freePort();
            VirtualService service = service("TCP", vport, "real_server 127.0.0.1 "
                    + real.getLocalPort() + " { }\n");
            try (TcpDirector director = new TcpDirector(service, transport,
                    DirectorLimits.DEFAULT, Clock.system())) {
                director.start();
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), vport);
                        Socket accepted = real.accept()) {
                    client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                    client.shutdownOutput();
                    InputStream fromClient = accepted.getInputStream();
                    assertThat(new String(fromClient.readAllBytes(), StandardCharsets.US_ASCII))
                            .as("the client's FIN reaches the server").isEqualTo("ping");
                    await().atMost(Duration.ofSeconds(5)).until(() -> row(service)
                            .inactiveConnections() == 1);
                    assertThat(row(service).activeConnections()).isZero();
                    accepted.getOutputStream().write("pong".getBytes(StandardCharsets.US_ASCII));
                    accepted.close();
                    assertThat(new String(client.getInputStream().readAllBytes(),
                            StandardCharsets.US_ASCII)).isEqualTo("pong");
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> director.connections() == 0);
                assertThat(row(service).inactiveConnections()).isZero();
            }
        }
    }

    @Test
    void aClientNoServerMayTakeIsReset() throws Exception {
        int vport = freePort();
        VirtualService service = service("TCP", vport, "real_server 127.0.0.1 "
                + freePort() + " { weight 0 }\n");
        try (TcpDirector director = new TcpDirector(service, transport, DirectorLimits.DEFAULT,
                Clock.system())) {
            director.start();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), vport)) {
                client.setSoTimeout(5_000);
                int read;
                try {
                    read = client.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    read = -2;
                }
                assertThat(read).as("closed at once, by a reset").isEqualTo(-2);
            }
        }
    }

    @Test
    void aTcpVirtualServerListensOnAnAddressNotHeldYet() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Epoll.isAvailable(), "needs epoll");
        VirtualServerConfig config = KeepalivedFile.read(new KeepalivedConfigParser(),
                "k.conf", "virtual_server 192.0.2.200 8080 {\nreal_server 127.0.0.1 80 { }\n}\n",
                Path.of(".")).lvs().virtualServers().getFirst();
        try (TcpDirector director = new TcpDirector(new VirtualService(config, Clock.system()),
                transport, DirectorLimits.DEFAULT, Clock.system())) {
            director.start();
        }
    }

    @Test
    void udpFlowsGoToTheirServerAndRepliesComeBack() throws Exception {
        try (DatagramSocket real = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread echo = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[100];
                try {
                    while (true) {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        real.receive(packet);
                        real.send(new DatagramPacket(("re:" + new String(buffer, 0,
                                packet.getLength(), StandardCharsets.US_ASCII))
                                .getBytes(StandardCharsets.US_ASCII), 3 + packet.getLength(),
                                packet.getSocketAddress()));
                    }
                } catch (IOException closed) {
                    // the test ended
                }
            });
            int vport = freePort();
            VirtualService service = service("UDP", vport, "real_server 127.0.0.1 "
                    + real.getLocalPort() + " { }\n");
            try (UdpDirector director = new UdpDirector(service, DirectorLimits.DEFAULT,
                    Clock.system()); DatagramSocket client = new DatagramSocket()) {
                director.start();
                client.setSoTimeout(5_000);
                byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
                client.send(new DatagramPacket(hello, hello.length,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), vport)));
                DatagramPacket reply = new DatagramPacket(new byte[100], 100);
                client.receive(reply);
                assertThat(new String(reply.getData(), 0, reply.getLength(),
                        StandardCharsets.US_ASCII)).isEqualTo("re:hello");
                assertThat(director.flows()).isEqualTo(1);
                assertThat(row(service).inactiveConnections()).as("as IPVS counts UDP")
                        .isEqualTo(1);
            }
            echo.interrupt();
        }
    }

    private static ServiceView.Row row(VirtualService service) {
        return service.view().rows().getFirst();
    }
}
