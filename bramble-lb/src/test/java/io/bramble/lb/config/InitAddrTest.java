package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.common.net.HostPort;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitAddrTest {
    private static final HostPort NAMED = new HostPort("app.internal", 8080);
    private static final InitAddr.Resolver FAILS = address -> {
        throw new UnknownHostException(address.host());
    };
    private static final InitAddr.Resolver FINDS = address -> new InetSocketAddress(
            java.net.InetAddress.ofLiteral("10.1.2.3"), address.port());

    @Test
    void libcResolvesAndLastNeverGivesAnAddress() throws Exception {
        InitAddr.Outcome found = InitAddr.DEFAULT.resolve(NAMED, FINDS);
        assertThat(found.address()).contains(new InetSocketAddress(
                java.net.InetAddress.ofLiteral("10.1.2.3"), 8080));
        assertThat(found.notice()).isEmpty();
        assertThatThrownBy(() -> InitAddr.DEFAULT.resolve(NAMED, FAILS))
                .isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> InitAddr.parse("last").resolve(NAMED, FINDS))
                .isInstanceOf(UnknownHostException.class).hasMessageContaining("last");
    }

    @Test
    void noneStartsWithoutAnAddressAndWarnsOnlyAfterAFailedLookup() throws Exception {
        InitAddr.Outcome none = InitAddr.parse("none").resolve(NAMED, FINDS);
        assertThat(none.address()).isEmpty();
        assertThat(none.notice()).isEmpty();
        InitAddr.Outcome fellBack = InitAddr.parse("last,libc,none").resolve(NAMED, FAILS);
        assertThat(fellBack.address()).isEmpty();
        assertThat(fellBack.notice()).contains("could not resolve address 'app.internal', "
                + "starting it in maintenance without an address");
    }

    @Test
    void aFixedAddressIsUsedWithTheServersPort() throws Exception {
        InitAddr.Outcome fixed = InitAddr.parse("libc,192.0.2.7").resolve(NAMED, FAILS);
        assertThat(fixed.address()).contains(new InetSocketAddress(
                java.net.InetAddress.ofLiteral("192.0.2.7"), 8080));
        assertThat(fixed.notice()).contains("could not resolve address 'app.internal', "
                + "falling back to 192.0.2.7");
        assertThat(InitAddr.parse("2001:db8::1").resolve(NAMED, FAILS).address().orElseThrow()
                .getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void serverAndDefaultServerLinesReadIt() {
        LbConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                backend app
                    default-server init-addr libc,none
                    server a app.internal:80
                    server b app.internal:80 init-addr none
                backend plain
                    server c 10.0.0.1:80
                """);
        assertThat(config.backend("app").orElseThrow().servers())
                .extracting(s -> s.initAddr().toString()).containsExactly("libc,none", "none");
        assertThat(config.backend("plain").orElseThrow().servers().getFirst().initAddr())
                .isEqualTo(InitAddr.DEFAULT);
    }

    @Test
    void anUnknownMethodIsNamed() {
        assertThatThrownBy(() -> new HaproxyConfigParser(Map.of(), true).parse("lb.cfg",
                "backend app\n    server a app.internal:80 init-addr libc,dns\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lb.cfg:2")
                .hasMessageContaining("unknown init-addr method 'dns'");
    }

    @Test
    void ignoringResolveFailuresEndsEveryServersMethodsWithNone() throws Exception {
        LbConfig config = new HaproxyConfigParser(Map.of(), true).ignoringResolveFailures()
                .parse("lb.cfg", """
                        backend app
                            server a app.internal:80
                            server b app.internal:80 init-addr libc,none
                            server c app.internal:80 init-addr 10.0.0.9
                        """);
        assertThat(config.backend("app").orElseThrow().servers())
                .extracting(s -> s.initAddr().toString())
                .containsExactly("last,libc,none", "libc,none", "10.0.0.9,none");
        InitAddr.Outcome disabled = config.backend("app").orElseThrow().servers().getFirst()
                .initAddr().resolve(NAMED, FAILS);
        assertThat(disabled.address()).isEmpty();
        assertThat(disabled.notice()).contains("could not resolve address 'app.internal', "
                + "starting it in maintenance without an address");
        assertThat(new HaproxyConfigParser(Map.of(), true).parse("lb.cfg",
                "backend app\n    server a app.internal:80\n").backend("app").orElseThrow()
                .servers().getFirst().initAddr()).isEqualTo(InitAddr.DEFAULT);
    }
}
