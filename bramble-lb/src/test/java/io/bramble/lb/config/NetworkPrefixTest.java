package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class NetworkPrefixTest {
    @Test
    void containsAddressesOfTheBlockOnly() throws Exception {
        NetworkPrefix loopback = NetworkPrefix.parse("127.0.0.0/8");
        assertThat(loopback.contains(InetAddress.getByName("127.1.2.3"))).isTrue();
        assertThat(loopback.contains(InetAddress.getByName("128.0.0.1"))).isFalse();
        assertThat(loopback.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(loopback.contains(InetAddress.getByName("::ffff:127.0.0.9"))).isTrue();
    }

    @Test
    void readsPartialBytesMasksAndBareAddresses() throws Exception {
        NetworkPrefix block = NetworkPrefix.parse("10.0.0.0/255.255.240.0");
        assertThat(block.prefixBits()).isEqualTo(20);
        assertThat(block.contains(InetAddress.getByName("10.0.15.255"))).isTrue();
        assertThat(block.contains(InetAddress.getByName("10.0.16.0"))).isFalse();
        NetworkPrefix one = NetworkPrefix.parse("::1");
        assertThat(one.prefixBits()).isEqualTo(128);
        assertThat(one.contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(NetworkPrefix.parse("192.168.1.77/24").toString()).isEqualTo("192.168.1.0/24");
    }

    @Test
    void refusesNamesAndBadLengths() {
        assertThatThrownBy(() -> NetworkPrefix.parse("localhost"))
                .hasMessageContaining("expected an IP address");
        assertThatThrownBy(() -> NetworkPrefix.parse("10.0.0.0/33"))
                .hasMessageContaining("prefix length");
    }
}
