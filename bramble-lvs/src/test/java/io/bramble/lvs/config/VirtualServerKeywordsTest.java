package io.bramble.lvs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import io.bramble.lvs.schedule.SchedulerKind;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualServerKeywordsTest {
    private static KeepalivedFile read(String text) {
        return KeepalivedFile.read(new KeepalivedConfigParser(), "k.conf", text, Path.of("."));
    }

    private static String errors(String text) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> read(text));
        assertThat(e).as("errors expected").isNotNull();
        return String.join("\n", e.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void defaultsAreKeepalivedsAndSettingsPassDownToCheckers() {
        VirtualServerConfig server = read("""
                virtual_server 127.0.0.1 8080 {
                    connect_timeout 2
                    real_server 127.0.0.2 {
                        retry 4
                        HTTP_GET {
                            url { path /health }
                        }
                        TCP_CHECK {
                            connect_port 81
                        }
                    }
                }
                """).lvs().virtualServers().getFirst();
        assertThat(server.scheduler()).isEqualTo(SchedulerKind.WLC);
        assertThat(server.protocol()).isEqualTo(Protocol.TCP);
        assertThat(server.quorum()).isEqualTo(1);
        assertThat(server.persistence()).isEmpty();
        RealServerConfig real = server.realServers().getFirst();
        assertThat(real.weight()).isEqualTo(1);
        assertThat(real.address()).isEqualTo(new InetSocketAddress("127.0.0.2", 8080));
        HttpGetConfig http = (HttpGetConfig) real.checks().get(0);
        assertThat(http.timing()).isEqualTo(new CheckTiming(Duration.ofSeconds(60),
                Duration.ofSeconds(2), 4, Duration.ofSeconds(3)));
        assertThat(http.urls().getFirst().accepts(200)).isTrue();
        assertThat(http.urls().getFirst().accepts(301)).isFalse();
        TcpCheckConfig tcp = (TcpCheckConfig) real.checks().get(1);
        assertThat(tcp.target().address()).isEqualTo(new InetSocketAddress("127.0.0.2", 81));
        assertThat(tcp.timing().delayBeforeRetry()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void persistenceWithoutValueLastsSixMinutesAndGranularityIsANetmask() {
        VirtualServerConfig server = read("""
                virtual_server 10.0.0.1 80 {
                    lb_algo wrr
                    persistence_timeout
                    persistence_granularity 255.255.255.0
                    real_server 10.0.1.1 80 { weight 3 }
                }
                """).lvs().virtualServers().getFirst();
        assertThat(server.scheduler()).isEqualTo(SchedulerKind.WRR);
        assertThat(server.persistence()).contains(new Persistence(Duration.ofMinutes(6), 24));
    }

    @Test
    void aGroupListensOnEveryAddressOfItsRanges() {
        VirtualServerConfig server = read("""
                virtual_server_group web {
                    127.0.0.1 80
                    127.0.1.3-5 8080
                }
                virtual_server group web {
                    real_server 10.0.1.1 80 { }
                }
                """).lvs().virtualServers().getFirst();
        assertThat(server.addresses()).containsExactly(new InetSocketAddress("127.0.0.1", 80),
                new InetSocketAddress("127.0.1.3", 8080), new InetSocketAddress("127.0.1.4", 8080),
                new InetSocketAddress("127.0.1.5", 8080));
    }

    @Test
    void whatBrambleCannotDoIsRefusedWithFileAndLine() {
        String errors = errors("""
                virtual_server fwmark 1 {
                    real_server 10.0.0.1 80 { }
                }
                virtual_server 10.0.0.1 80 {
                    lb_kind TUN type gue
                    lvs_sched twos
                    real_server 10.0.0.2 80 {
                        SMTP_CHECK { }
                    }
                }
                virtual_server group missing {
                }
                """);
        assertThat(errors).contains("k.conf:1: virtual_server: virtual_server fwmark is not "
                + "supported by bramble")
                .contains("k.conf:5: lb_kind: TUN type gue is not supported by bramble")
                .contains("k.conf:6: lvs_sched: scheduler 'twos' is not supported")
                .contains("k.conf:8: SMTP_CHECK: not supported by bramble")
                .contains("k.conf:11: virtual_server: no virtual_server_group named 'missing'");
    }

    @Test
    void drAndTunAreReadAtBothLevels() {
        VirtualServerConfig server = read("""
                virtual_server 10.0.0.1 80 {
                    lb_kind DR
                    real_server 10.0.0.2 80 { }
                    real_server 10.0.0.3 { lvs_method TUN type ipip }
                }
                """).lvs().virtualServers().getFirst();
        assertThat(server.method()).isEqualTo(ForwardMethod.DR);
        assertThat(server.passesPackets()).isTrue();
        assertThat(server.realServers()).extracting(RealServerConfig::method)
                .containsExactly(ForwardMethod.DR, ForwardMethod.TUN);
    }

    @Test
    void drAndTunKeepTheVirtualPortAndDoNotMixWithNat() {
        String errors = errors("""
                virtual_server 10.0.0.1 80 {
                    lb_kind DR
                    real_server 10.0.0.2 8080 { }
                    real_server 10.0.0.3 80 { lvs_method NAT }
                    real_server 10.0.0.4 80 { lvs_method TUN }
                }
                virtual_server 10.0.0.1 81 {
                    lvs_method TUN
                    sorry_server 10.0.0.9 8081
                    real_server 2001:db8::1 81 { }
                }
                """);
        assertThat(errors).contains("k.conf:3: real_server: port 8080 of DR real server "
                + "10.0.0.2 differs from the virtual port 80: IPVS cannot change the port")
                .contains("k.conf:4: real_server: bramble cannot mix NAT with DR or TUN")
                .doesNotContain("k.conf:5:")
                .contains("k.conf:7: real_server: port 8081 of TUN real server 10.0.0.9")
                .contains("k.conf:10: real_server: TUN forwarding to an IPv6 real server is "
                        + "not supported");
    }

    @Test
    void badValuesAreReportedAllAtOnce() {
        String errors = errors("""
                virtual_server 10.0.0.1 80 {
                    lb_algo fastest
                    protocol ICMP
                    real_server 10.0.0.2 80 {
                        weight -1
                        HTTP_GET {
                            url {
                                digest nothex
                            }
                        }
                        MISC_CHECK { misc_timeout 3 }
                    }
                }
                virtual_server 10.0.0.1 80 {
                }
                """);
        assertThat(errors).contains("k.conf:2: lb_algo: expected a scheduler (one of rr, wrr")
                .contains("k.conf:3: protocol:")
                .contains("k.conf:5: weight:")
                .contains("k.conf:8: digest: expected an MD5 digest")
                .contains("k.conf:7: url: a url needs a path")
                .contains("k.conf:11: MISC_CHECK: a MISC_CHECK needs misc_path")
                .contains("k.conf:14: virtual_server: TCP 10.0.0.1:80 is already served");
    }
}
