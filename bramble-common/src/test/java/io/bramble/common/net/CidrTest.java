package io.bramble.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @ParameterizedTest
    @CsvSource({"10.0.0.0/8,10.1.2.3,true", "10.0.0.0/8,11.0.0.1,false",
            "127.0.0.0/8,127.1.2.3,true", "127.0.0.0/8,128.0.0.1,false",
            "127.0.0.1,127.0.0.1,true", "127.0.0.1,127.0.0.2,false",
            "192.168.2.0/23,192.168.3.255,true", "192.168.2.0/23,192.168.4.0,false",
            "10.0.0.0/255.255.240.0,10.0.15.255,true", "10.0.0.0/255.255.240.0,10.0.16.0,false",
            "192.168.1.77/24,192.168.1.5,true", "192.168.1.77/24,192.168.2.77,false",
            "0.0.0.0/0,8.8.8.8,true", "fd00::/8,fd12::1,true", "fd00::/8,fe80::1,false",
            "fd00::/ffff:ff00::,fd00:ff::1,true", "fd00::/ffff:ff00::,fd00:100::1,false",
            "::1,::1,true", "::1,::2,false", "10.0.0.0/8,::1,false", "127.0.0.0/8,::1,false",
            "::/0,::1,true", "::/0,10.0.0.1,false"})
    void containment(String cidr, String address, boolean inside) throws Exception {
        assertThat(Cidr.parse(cidr).contains(InetAddress.getByName(address)))
                .isEqualTo(inside);
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 9};
        InetAddress client = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(Cidr.parse("127.0.0.0/8").contains(client)).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(client)).isFalse();
        assertThat(Cidr.parse("::/0").contains(client)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/255.255.240.0,20", "0.0.0.0/0.0.0.0,0", "::1,128", "10.0.0.1,32",
            "fd00::/ffff:ff00::,24", "10.0.0.0/8,8"})
    void prefixLengthOfEachForm(String text, int prefixLength) {
        assertThat(Cidr.parse(text).prefixLength()).isEqualTo(prefixLength);
    }

    @Test
    void keepsTheAddressAsWritten() {
        assertThat(Cidr.parse("192.168.1.77/24")).hasToString("192.168.1.77/24");
        assertThat(Cidr.parse("192.168.1.77/24").address().getHostAddress())
                .isEqualTo("192.168.1.77");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/255.0.255.0",
                    "10.0.0.0/ffff::", "fd00::/255.0.0.0", "fd00::/ff00:ff00::", "10.0.0.0/",
                    "net/8", "10.0.0.0/-1", "256.0.0.0/8", "10.0.0.0/8/8", ""})
    void refusesNamesBadLengthsAndMasksWithHoles(String text) {
        assertThat(Cidr.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected an IP address or network such as 10.0.0.0/8, got '"
                        + text + "'");
    }
}
