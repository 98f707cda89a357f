package io.bramble.it.lbdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunnableCopyTest {
    private static final String CONFIG = """
            global
                log /dev/log local0
                stats socket /run/haproxy/admin.sock mode 600 level admin
                user haproxy
                daemon
            frontend www
                bind *:80
                bind :443 ssl crt /etc/certs/site.pem alpn h2,http/1.1
                use_backend app
            backend app
                server one app-1:8080 maxconn 32 #check
                server two 10.0.0.2
            """;

    private final AtomicInteger ports = new AtomicInteger(20_000);

    private RunnableCopy copy(Optional<Path> certificate) {
        return RunnableCopy.of(CONFIG, "127.0.0.9", ports::incrementAndGet,
                name -> new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        name.equals("app/one") ? 7001 : 7002),
                certificate);
    }

    @Test
    void bindsListenLocallyEachOnAPortOfItsOwnWithTheCertificate() {
        RunnableCopy copy = copy(Optional.of(Path.of("/tmp/test.pem")));
        assertThat(copy.text()).contains("    bind 127.0.0.9:20001\n")
                .contains("    bind 127.0.0.9:20002 ssl crt /tmp/test.pem alpn h2,http/1.1\n");
        assertThat(copy.binds()).extracting(RunnableCopy.Bind::original, RunnableCopy.Bind::tls)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("*:80", false),
                        org.assertj.core.groups.Tuple.tuple(":443", true));
    }

    @Test
    void serversPointAtTheirOwnAddressWithTheirOptions() {
        RunnableCopy copy = copy(Optional.of(Path.of("/tmp/test.pem")));
        assertThat(copy.text()).contains("    server one 127.0.0.1:7001 maxconn 32 #check\n")
                .contains("    server two 127.0.0.1:7002\n");
        assertThat(copy.servers()).containsOnlyKeys("app/one", "app/two");
    }

    @Test
    void linesATestCannotRunAreCommentedOutAndEveryChangeIsListed() {
        RunnableCopy copy = copy(Optional.of(Path.of("/tmp/test.pem")));
        assertThat(copy.text()).contains("    # not run here: log /dev/log local0\n")
                .contains("    # not run here: stats socket /run/haproxy/admin.sock mode 600")
                .contains("    # not run here: user haproxy\n")
                .contains("    # not run here: daemon\n")
                .contains("    use_backend app\n");
        assertThat(copy.rewrites()).hasSize(8).first().isEqualTo(
                "2: log /dev/log local0 => # not run here: log /dev/log local0");
    }

    @Test
    void aTlsBindWithoutACertificateIsRefused() {
        assertThatThrownBy(() -> copy(Optional.empty())).hasMessageContaining(
                "line 8: a TLS bind needs a certificate");
    }

    @Test
    void aBindOnSeveralAddressesIsRefused() {
        assertThatThrownBy(() -> RunnableCopy.of("frontend f\n    bind :80,:81\n", "127.0.0.9",
                ports::incrementAndGet, name -> null, Optional.empty()))
                .hasMessageContaining("line 2: bind");
    }
}
