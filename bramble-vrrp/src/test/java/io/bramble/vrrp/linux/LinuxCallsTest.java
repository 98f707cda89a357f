package io.bramble.vrrp.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.os.LinuxException;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.LabRequirements;
import io.bramble.testkit.netns.NamespaceThread;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.vrrp.core.VrrpVersion;
import io.bramble.vrrp.wire.Decoded.Accepted;
import io.bramble.vrrp.wire.Decoded;
import io.bramble.vrrp.wire.VrrpCodec;
import io.bramble.vrrp.wire.VrrpPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FFM calls against a real kernel: two lab hosts on a bridge, this JVM acting inside
 * their namespaces (VRRP's sockets, and the packet and silenced sockets of LVS's DR and TUN). Needs root and iproute2 (skipped otherwise).
 */
class LinuxCallsTest {
    private static final Inet4Address VIP = VrrpCodec.ipv4(new byte[]{10, 77, 0, 100});
    private static NetnsLab lab;
    private static NamespaceThread a;
    private static NamespaceThread b;

    @BeforeAll
    static void openLab() throws Exception {
        LabRequirements.assumeMet();
        lab = NetnsLab.builder().host("a").host("b").open();
        a = new NamespaceThread(lab.host("a").namespace());
        b = new NamespaceThread(lab.host("b").namespace());
    }

    @AfterAll
    static void closeLab() {
        if (a != null) {
            a.close();
            b.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void netlinkAddsAndRemovesAnAddressOnce() throws Exception {
        LabHost host = lab.host("a");
        String eth = host.interfaceName();
        try (NetlinkAddresses netlink = a.call(NetlinkAddresses::open)) {
            assertThat(a.call(() -> netlink.add(eth, VIP, 32, eth + ":vip"))).isTrue();
            assertThat(host.exec("ip", "-4", "addr", "show", "dev", eth).output())
                    .contains("10.77.0.100/32").contains(eth + ":vip");
            assertThat(a.call(() -> netlink.add(eth, VIP, 32, ""))).isFalse();
            assertThat(a.call(() -> netlink.remove(eth, VIP, 32))).isTrue();
            assertThat(host.exec("ip", "-4", "addr", "show", "dev", eth).output())
                    .doesNotContain("10.77.0.100");
            assertThat(a.call(() -> netlink.remove(eth, VIP, 32))).isFalse();
            assertThatThrownBy(() -> a.call(() -> netlink.add("nosuch0", VIP, 32, "")))
                    .isInstanceOf(LinuxException.class).hasMessageContaining("nosuch0");
        }
    }

    @Test
    void rawSocketsCarryAdvertsByMulticastAndUnicast() throws Exception {
        Inet4Address source = (Inet4Address) lab.host("a").address();
        Inet4Address peer = (Inet4Address) lab.host("b").address();
        String ethA = lab.host("a").interfaceName();
        String ethB = lab.host("b").interfaceName();
        VrrpPacket packet = new VrrpPacket(VrrpVersion.V3, 51, 150, 100, List.of(VIP), "");
        try (RawIpSocket receiver = b.call(() -> RawIpSocket.receiver(ethB, VrrpCodec.GROUP));
                RawIpSocket sender = a.call(() -> RawIpSocket.sender(ethA, source))) {
            sender.send(VrrpCodec.encode(packet, source, VrrpCodec.GROUP), VrrpCodec.GROUP);
            Accepted multicast = receiveAdvert(receiver);
            assertThat(multicast.source()).isEqualTo(source);
            assertThat(multicast.destination()).isEqualTo(VrrpCodec.GROUP);
            assertThat(multicast.ttl()).isEqualTo(255);
            assertThat(multicast.packet()).isEqualTo(packet);

            sender.send(VrrpCodec.encode(packet, source, peer), peer);
            Accepted unicast = receiveAdvert(receiver);
            assertThat(unicast.destination()).isEqualTo(peer);
            assertThat(unicast.packet()).isEqualTo(packet);
        }
    }

    @Test
    void gratuitousArpUpdatesTheNeighbours() throws Exception {
        LabHost hostA = lab.host("a");
        LabHost hostB = lab.host("b");
        String ethB = hostB.interfaceName();
        // b believes the address is elsewhere; a's announcement must correct it.
        hostB.exec("ip", "neigh", "replace", "10.77.0.101", "lladdr", "02:00:00:00:00:01",
                "dev", ethB, "nud", "stale");
        Thread.sleep(1_100); // Linux ignores updates within locktime (1 s) of the last one
        Inet4Address vip = (Inet4Address) InetAddress.getByName("10.77.0.101");
        try (ArpAnnouncer announcer = a.call(() -> ArpAnnouncer.open(hostA.interfaceName()))) {
            announcer.announce(vip);
        }
        String macA = hostA.exec("cat", "/sys/class/net/" + hostA.interfaceName() + "/address")
                .output().trim();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(hostB.exec("ip", "neigh", "show", "10.77.0.101").output())
                        .contains(macA));
    }

    private static Accepted receiveAdvert(RawIpSocket receiver) throws LinuxException {
        byte[] buffer = new byte[VrrpCodec.DATAGRAM_BYTES_MAX];
        for (int tries = 0; tries < 50; tries++) {
            int length = receiver.receive(buffer, 200);
            if (length < 0) {
                continue;
            }
            Decoded decoded = VrrpCodec.decodeIpv4(buffer, length);
            if (decoded instanceof Accepted accepted) {
                return accepted;
            }
        }
        throw new AssertionError("no advert received in 10 s");
    }

    /** bash's /dev/tcp from host b to {@code target}:{@code port}, given a second. */
    private static ExecResult connectFromB(InetAddress target,
            int port) {
        return lab.host("b").exec(Duration.ofSeconds(1), List.of("bash", "-c",
                "exec 3<>\"/dev/tcp/$0/$1\"", target.getHostAddress(),
                Integer.toString(port)));
    }

    @Test
    void aSilencedPortNeitherAcceptsNorResets() throws Exception {
        Inet4Address own = (Inet4Address) lab.host("a").address();
        int port = 9107;
        assertThat(connectFromB(own, port).output()).contains("Connection refused");
        try (SilentSocket silent = a.call(() -> SilentSocket.bind(own, port, true))) {
            ExecResult attempt = connectFromB(own, port);
            assertThat(attempt.timedOut()).as(attempt.describe()).isTrue();
        }
        assertThat(connectFromB(own, port).output()).contains("Connection refused");
    }

    @Test
    void aPacketSocketReceivesTheFramesItsFilterKeeps() throws Exception {
        SocketFilter toB = new SocketFilter(List.of(
                SocketFilter.Instruction.loadWord(14 + 16),
                SocketFilter.Instruction.jumpIfEqual(toInt(lab.host("b").address()), 0, 1),
                SocketFilter.Instruction.ret(65_535),
                SocketFilter.Instruction.ret(0)));
        try (PacketSocket frames = b.call(() -> PacketSocket.open(0x0800, toB, 2048))) {
            lab.host("a").exec("bash", "-c", "echo hello-frame > /dev/udp/$0/9",
                    lab.host("b").address().getHostAddress());
            byte[] frame = new byte[2048];
            int length = -1;
            for (int i = 0; i < 20 && length < 0; i++) {
                length = b.call(() -> frames.receive(frame, 100));
            }
            assertThat(length).isPositive();
            assertThat(new String(frame, 0, length, StandardCharsets.ISO_8859_1))
                    .contains("hello-frame");
        }
    }

    private static int toInt(InetAddress address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }
}
