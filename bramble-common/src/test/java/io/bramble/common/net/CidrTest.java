package io.bramble.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {
    @ParameterizedTest
    @CsvSource({"10.0.0.0/8,10.1.2.3,true", "10.0.0.0/8,11.0.0.1,false",
            "127.0.0.1,127.0.0.1,true", "127.0.0.1,127.0.0.2,false",
            "192.168.2.0/23,192.168.3.255,true", "192.168.2.0/23,192.168.4.0,false",
            "0.0.0.0/0,8.8.8.8,true", "fd00::/8,fd12::1,true", "fd00::/8,fe80::1,false",
            "10.0.0.0/8,::1,false", "::/0,::1,true"})
    void containment(String cidr, String address, boolean inside) throws Exception {
        assertThat(Cidr.tryParse(cidr).orElseThrow().contains(InetAddress.getByName(address)))
                .isEqualTo(inside);
    }
}
