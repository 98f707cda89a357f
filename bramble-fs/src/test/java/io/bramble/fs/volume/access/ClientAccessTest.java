package io.bramble.fs.volume.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAccessTest {
    /** moses resolves to 192.168.1.30; every other name is unknown. */
    private static final ClientAccess.Resolver NAMES = host -> {
        if (host.equals("moses")) {
            return List.of(InetAddress.getByName("192.168.1.30"));
        }
        throw new UnknownHostException(host);
    };

    @ParameterizedTest(name = "allow {0}, reject {1}: {2} admitted {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                    // Gluster's defaults admit everyone
                    "*|(null)|10.1.2.3|true",
                    "*||::1|true",
                    // addresses, patterns with *, networks, names
                    "192.168.1.20|(null)|192.168.1.20|true",
                    "192.168.1.20|(null)|192.168.1.21|false",
                    "192.168.1.*|(null)|192.168.1.254|true",
                    "192.168.1.*|(null)|192.168.10.1|false",
                    "192.168.*.7|(null)|192.168.200.7|true",
                    "10.0.0.0/8|(null)|10.250.0.1|true",
                    "10.0.0.0/8|(null)|11.0.0.1|false",
                    "192.168.1.128/25|(null)|192.168.1.127|false",
                    "192.168.1.128/25|(null)|192.168.1.129|true",
                    "fd00::/8|(null)|fd12::5|true",
                    "fd00::/8|(null)|10.0.0.1|false",
                    "moses|(null)|192.168.1.30|true",
                    "moses|(null)|192.168.1.31|false",
                    "gone.example|(null)|192.168.1.31|false",
                    // lists: any item admits
                    "10.0.0.1,moses,172.16.*|(null)|172.16.9.9|true",
                    "10.0.0.1,moses,172.16.*|(null)|192.168.1.30|true",
                    "10.0.0.1,moses,172.16.*|(null)|172.17.0.1|false",
                    // reject wins over allow, as in Gluster
                    "*|192.168.1.30|192.168.1.30|false",
                    "*|192.168.1.30|192.168.1.31|true",
                    "192.168.1.*|192.168.1.30|192.168.1.30|false",
                    "192.168.1.*|moses|192.168.1.30|false",
                    "*|*|127.0.0.1|false",
                    "*|10.0.0.0/8,192.168.1.*|192.168.1.2|false",
            })
    void admitsAsGlusterDoes(String allow, String reject, String client, boolean admitted)
            throws UnknownHostException {
        ClientAccess access = ClientAccess.of(allow, reject == null ? "" : reject, NAMES);
        assertThat(access.admits(InetAddress.getByName(client))).isEqualTo(admitted);
    }

    @Test
    void namesThatDoNotResolveAreReported() {
        assertThat(ClientAccess.of("moses,gone.example", "other.example", NAMES).unresolved())
                .containsExactly("gone.example", "other.example");
        assertThat(ClientAccess.of("moses,10.0.0.0/8", ClientAccess.NOBODY, NAMES)
                .unresolved()).isEmpty();
    }

    @Test
    void everyoneIsAdmittedByDefault() throws UnknownHostException {
        assertThat(ClientAccess.everyone().admits(InetAddress.getByName("203.0.113.9")))
                .isTrue();
    }
}
