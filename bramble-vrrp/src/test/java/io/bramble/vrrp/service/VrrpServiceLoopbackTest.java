package io.bramble.vrrp.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.testkit.net.FreePorts;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import io.bramble.vrrp.config.VrrpConfig;
import io.bramble.vrrp.core.VrrpState;
import io.bramble.vrrp.wire.DropReason;
import io.bramble.vrrp.wire.VrrpCodec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two services in this JVM on the loopback backend, real UDP adverts between 127.x
 * addresses: the listeners registered for the virtual address are bound on the master only,
 * and follow it when it stops, comes back, loses a script or closes its gate.
 */
class VrrpServiceLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Inet4Address ADDRESS_A = ipv4("127.0.77.11");
    private static final Inet4Address ADDRESS_B = ipv4("127.0.77.12");
    private static final Inet4Address VIP = ipv4("127.0.77.100");

    private final int advertPort = FreePorts.shared().on(ADDRESS_A);
    private final int servicePort = FreePorts.shared().on(VIP);
    private final List<VrrpService> services = new ArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        services.forEach(VrrpService::stop);
        System.out.println(String.join("\n", events)); // kept in the test report
    }

    @Test
    void theMasterAloneServesAndHandsOverOnStop() {
        VrrpService a = start("a", config(ADDRESS_A, ADDRESS_B, 101, ""), null);
        VipServer serverA = listen(a, "a");
        VrrpService b = start("b", config(ADDRESS_B, ADDRESS_A, 100, ""), null);
        VipServer serverB = listen(b, "b");
        await().atMost(WAIT).until(() -> state(b) == VrrpState.BACKUP && serverA.bound());
        assertThat(VipServer.whoAnswers(VIP, servicePort)).isEqualTo("a");
        assertThat(serverB.bound()).isFalse();

        a.stop();
        await().atMost(WAIT).until(serverB::bound);
        assertThat(VipServer.whoAnswers(VIP, servicePort)).isEqualTo("b");
        assertThat(serverA.bound()).isFalse();

        VrrpService again = start("a", config(ADDRESS_A, ADDRESS_B, 101, ""), null);
        VipServer serverAgain = listen(again, "a again");
        await().atMost(WAIT).until(() -> serverAgain.bound() && !serverB.bound());
        assertThat(VipServer.whoAnswers(VIP, servicePort)).isEqualTo("a again");
        assertThat(serverA.failure() + serverB.failure() + serverAgain.failure()).isEmpty();
    }

    @Test
    void aClosedGateKeepsTheAddressAway() {
        AtomicBoolean healthy = new AtomicBoolean(false);
        VrrpService a = start("a", config(ADDRESS_A, ADDRESS_B, 101, ""), healthy::get);
        VipServer serverA = listen(a, "a");
        VrrpService b = start("b", config(ADDRESS_B, ADDRESS_A, 100, ""), null);
        VipServer serverB = listen(b, "b");
        await().atMost(WAIT).until(serverB::bound);
        assertThat(state(a)).isEqualTo(VrrpState.FAULT);

        healthy.set(true);
        a.reconsiderGates();
        await().atMost(WAIT).until(() -> serverA.bound() && !serverB.bound());

        healthy.set(false);
        await().atMost(WAIT).until(() -> serverB.bound() && !serverA.bound());
        assertThat(state(a)).isEqualTo(VrrpState.FAULT);
    }

    @Test
    void aFailingScriptLowersThePriority() throws IOException {
        Path flag = Files.createFile(dir.resolve("healthy"));
        String script = "vrrp_script chk {\n script \"test -e " + flag + "\"\n interval 0.1\n"
                + " weight -10\n}\n";
        VrrpService a = start("a", script + config(ADDRESS_A, ADDRESS_B, 101,
                "track_script {\n chk\n}\n"), null);
        VipServer serverA = listen(a, "a");
        VrrpService b = start("b", config(ADDRESS_B, ADDRESS_A, 100, ""), null);
        VipServer serverB = listen(b, "b");
        await().atMost(WAIT).until(() -> serverA.bound() && state(b) == VrrpState.BACKUP);

        Files.delete(flag);
        await().atMost(WAIT).until(() -> serverB.bound() && !serverA.bound());
        assertThat(a.status().instances().getFirst().state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void garbageIsCountedAndChangesNothing() throws IOException {
        VrrpService a = start("a", config(ADDRESS_A, ADDRESS_B, 101, ""), null);
        VipServer serverA = listen(a, "a");
        await().atMost(WAIT).until(serverA::bound);
        try (DatagramSocket socket = new DatagramSocket(0, ADDRESS_B)) {
            byte[][] junk = {new byte[0], new byte[3], "not an advert at all".getBytes(),
                    new byte[VrrpCodec.DATAGRAM_BYTES_MAX]};
            for (byte[] bytes : junk) {
                socket.send(new DatagramPacket(bytes, bytes.length, ADDRESS_A, advertPort));
            }
        }
        await().atMost(WAIT).until(() -> a.status().drops().values().stream().mapToLong(
                Long::longValue).sum() >= 4);
        assertThat(a.status().drops()).containsKey(DropReason.TRUNCATED);
        assertThat(state(a)).isEqualTo(VrrpState.MASTER);
        assertThat(serverA.bound()).isTrue();
    }

    private VrrpService start(String name, String text, VipGate gate) {
        VrrpConfig config = new KeepalivedConfigParser().parse(name + ".conf", text, dir);
        VrrpService service = VrrpService.create(config, new ServiceOptions(Backend.LOOPBACK,
                advertPort, line -> events.add(name + " " + line)));
        if (gate != null) {
            service.addGate(VIP, gate);
        }
        services.add(service);
        service.start();
        return service;
    }

    private VipServer listen(VrrpService service, String name) {
        VipServer server = new VipServer(name, servicePort);
        service.addVipListener(VIP, server);
        return server;
    }

    private static VrrpState state(VrrpService service) {
        return service.status().instances().getFirst().state();
    }

    private static String config(Inet4Address self, Inet4Address peer, int priority,
            String extra) {
        return "vrrp_instance VI_1 {\n interface lo\n virtual_router_id 51\n priority "
                + priority + "\n unicast_src_ip " + self.getHostAddress() + "\n unicast_peer {\n "
                + peer.getHostAddress() + "\n }\n virtual_ipaddress {\n " + VIP.getHostAddress()
                + "\n }\n" + extra + "}\n";
    }

    private static Inet4Address ipv4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
