package io.bramble.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabSubnetTest {
    @Test
    void numbersHostsAfterTheOffset() {
        LabSubnet subnet = LabSubnet.parse("10.77.0.0/24");
        assertThat(subnet.hostAddress(1).getHostAddress()).isEqualTo("10.77.0.11");
        assertThat(subnet.cidr(subnet.hostAddress(2))).isEqualTo("10.77.0.12/24");
        assertThat(subnet.hostsMax()).isEqualTo(244);
        assertThat(subnet.hostAddress(244).getHostAddress()).isEqualTo("10.77.0.254");
        assertThatThrownBy(() -> subnet.hostAddress(245)).hasMessageContaining("host number");
    }

    @Test
    void rejectsWhatIsNotASubnet() {
        assertThatThrownBy(() -> LabSubnet.parse("10.77.0.1/24"))
                .hasMessageContaining("host bits set");
        assertThatThrownBy(() -> LabSubnet.parse("10.77.0.0")).hasMessageContaining(
                "expected a subnet such as 10.77.0.0/24");
        assertThatThrownBy(() -> LabSubnet.parse("10.77.0.0/30"))
                .hasMessageContaining("prefix length must be between 8 and 28");
        assertThatThrownBy(() -> LabSubnet.parse("10.300.0.0/16"))
                .hasMessageContaining("bad address");
    }
}
