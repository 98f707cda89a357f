package io.bramble.lvs.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lvs.config.KeepalivedFile;
import io.bramble.lvs.nat.DirectorLimits;
import io.bramble.lvs.schedule.Destination;
import io.bramble.lvs.service.ServiceView;
import io.bramble.lvs.service.VirtualService;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionTableTest {
    private static final DirectorLimits LIMITS = new DirectorLimits(3, Duration.ofSeconds(10),
            Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300));
    private final ManualClock clock = new ManualClock();
    private final RouteCounters counters = new RouteCounters();
    private final Ipv4Packet.Refusal[] why = new Ipv4Packet.Refusal[1];
    private final VirtualService service = new VirtualService(KeepalivedFile.read(
            new KeepalivedConfigParser(), "k.conf", """
                    virtual_server 10.0.0.1 80 {
                        lb_algo rr
                        lb_kind DR
                        real_server 10.0.1.1 80 { TCP_CHECK { } }
                        real_server 10.0.1.2 80 { }
                    }
                    """, Path.of(".")).lvs().virtualServers().getFirst(), clock);
    private final ConnectionTable table = new ConnectionTable(service, LIMITS, counters);

    private Destination send(int clientPort, int flags) {
        byte[] frame = Frames.tcp(Frames.CLIENT, clientPort, flags, 0);
        return table.route(Ipv4Packet.parse(frame, frame.length, why), clock.nanoTime());
    }

    private static int lastOctet(Destination server) {
        return server.address().getAddress().getAddress()[3];
    }

    private ServiceView.Row row(int index) {
        return service.view().rows().get(index);
    }

    @Test
    void aSynChoosesTheServerAndTheConnectionKeepsIt() {
        assertThat(lastOctet(send(1000, Ipv4Packet.SYN))).isEqualTo(1);
        assertThat(lastOctet(send(1001, Ipv4Packet.SYN))).isEqualTo(2);
        assertThat(lastOctet(send(1000, Ipv4Packet.ACK))).isEqualTo(1);
        assertThat(lastOctet(send(1000, Ipv4Packet.SYN))).as("a retransmitted SYN").isEqualTo(1);
        assertThat(lastOctet(send(1001, Ipv4Packet.ACK))).isEqualTo(2);
        assertThat(row(0).activeConnections()).isEqualTo(1);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void finMakesItInactiveAndRstEndsIt() {
        send(1000, Ipv4Packet.SYN);
        send(1000, Ipv4Packet.FIN | Ipv4Packet.ACK);
        assertThat(row(0).activeConnections()).isZero();
        assertThat(row(0).inactiveConnections()).isEqualTo(1);
        assertThat(lastOctet(send(1000, Ipv4Packet.ACK))).as("the last ACK").isEqualTo(1);
        send(1000, Ipv4Packet.RST);
        assertThat(row(0).inactiveConnections()).isZero();
        assertThat(table.size()).isZero();
        assertThat(send(1000, Ipv4Packet.ACK)).isNull();
        assertThat(counters.noConnection).isEqualTo(1);
    }

    @Test
    void aSynOnAClosingConnectionOpensANewOne() {
        send(1000, Ipv4Packet.SYN);
        send(1000, Ipv4Packet.FIN | Ipv4Packet.ACK);
        assertThat(lastOctet(send(1000, Ipv4Packet.SYN))).isEqualTo(2);
        assertThat(row(0).inactiveConnections()).isZero();
        assertThat(row(1).activeConnections()).isEqualTo(1);
    }

    @Test
    void idleConnectionsExpireByTheirState() {
        send(1000, Ipv4Packet.SYN);
        send(1001, Ipv4Packet.SYN);
        send(1001, Ipv4Packet.FIN);
        clock.advanceMillis(119_000);
        table.expire(clock.nanoTime());
        assertThat(table.size()).isEqualTo(2);
        clock.advanceMillis(1_000);
        table.expire(clock.nanoTime());
        assertThat(table.size()).isEqualTo(1);
        assertThat(row(1).inactiveConnections()).isZero();
        clock.advanceMillis(780_000);
        table.expire(clock.nanoTime());
        assertThat(table.size()).isZero();
        assertThat(row(0).activeConnections()).isZero();
    }

    @Test
    void aFullTableDropsNewConnectionsAndKeepsTheOthers() {
        for (int port = 1000; port < 1003; port++) {
            assertThat(send(port, Ipv4Packet.SYN)).isNotNull();
        }
        assertThat(send(1003, Ipv4Packet.SYN)).isNull();
        assertThat(counters.tableFull).isEqualTo(1);
        assertThat(send(1002, Ipv4Packet.ACK)).isNotNull();
    }

    @Test
    void aServerLeavingTheTableKeepsItsConnections() {
        Destination first = send(1000, Ipv4Packet.SYN);
        service.checked(0, 0, false, -1);
        assertThat(send(1000, Ipv4Packet.ACK)).isSameAs(first);
        assertThat(lastOctet(send(1001, Ipv4Packet.SYN))).isEqualTo(2);
    }

    @Test
    void udpFlowsCountInactiveAndEndIdle() {
        VirtualService udp = new VirtualService(KeepalivedFile.read(
                new KeepalivedConfigParser(), "k.conf", """
                        virtual_server 10.0.0.1 53 {
                            protocol UDP
                            lb_kind TUN
                            real_server 10.0.1.1 53 { }
                        }
                        """, Path.of(".")).lvs().virtualServers().getFirst(), clock);
        ConnectionTable flows = new ConnectionTable(udp, LIMITS, counters);
        byte[] frame = Frames.udp(Frames.CLIENT, 5353, 4);
        Ipv4Packet packet = Ipv4Packet.parse(frame, frame.length, why);
        assertThat(flows.route(packet, clock.nanoTime())).isNotNull();
        assertThat(flows.route(packet, clock.nanoTime())).isNotNull();
        assertThat(udp.view().rows().getFirst().inactiveConnections()).isEqualTo(1);
        assertThat(udp.view().rows().getFirst().activeConnections()).isZero();
        clock.advanceMillis(300_000);
        flows.expire(clock.nanoTime());
        assertThat(flows.size()).isZero();
        assertThat(udp.view().rows().getFirst().inactiveConnections()).isZero();
    }
}
