package io.bramble.lvs.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.net.Cidr;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeighbourTablesTest {
    @Test
    void completeEntriesOfProcNetArpAreRead() throws Exception {
        Map<InetAddress, ArpTable.Neighbour> table = ArpTable.parse("""
                IP address       HW type     Flags       HW address            Mask     Device
                10.77.0.12       0x1         0x2         7a:1b:00:2c:3d:4e     *        eth0
                10.77.0.13       0x1         0x0         00:00:00:00:00:00     *        eth0
                10.77.0.14       0x1         0x6         02:00:00:00:00:01     *        eth1
                garbage line
                """);
        assertThat(table).containsOnlyKeys(InetAddress.getByName("10.77.0.12"),
                InetAddress.getByName("10.77.0.14"));
        ArpTable.Neighbour first = table.get(InetAddress.getByName("10.77.0.12"));
        assertThat(HexFormat.of().formatHex(first.mac())).isEqualTo("7a1b002c3d4e");
        assertThat(first.interfaceName()).isEqualTo("eth0");
    }

    @Test
    void aDrServerOnNoSegmentIsNamed() throws Exception {
        List<Segments.Subnet> subnets = List.of(new Segments.Subnet(
                Cidr.parse("10.77.0.11/24"), "eth0"));
        Segments.check(InetAddress.getByName("10.77.0.12"), "DR real server", subnets);
        assertThatThrownBy(() -> Segments.check(InetAddress.getByName("192.0.2.77"),
                "DR real server", subnets)).isInstanceOf(IOException.class)
                .hasMessageContaining("DR real server 192.0.2.77 is on no segment of this "
                        + "machine")
                .hasMessageEndingWith("this machine has 10.77.0.11/24 on eth0");
    }
}
