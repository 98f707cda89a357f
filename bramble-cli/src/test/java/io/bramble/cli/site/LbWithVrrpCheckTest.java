package io.bramble.cli.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cli.Main;
import io.bramble.common.os.ProcessUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bramble lb -c --vrrp}: both files checked, and how they fit together reported. */
class LbWithVrrpCheckTest {
    private static final String HAPROXY = """
            listen webfarm 127.0.2.100:8080
              mode http
              server web1 127.0.2.111:8080 check
            """;
    private static final String KEEPALIVED = """
            global_defs {
                vrrp_version 3
            }
            vrrp_instance VI_1 {
                interface lo
                virtual_router_id 51
                priority 101
                unicast_src_ip 127.0.2.101
                unicast_peer {
                    127.0.2.102
                }
                virtual_ipaddress {
                    127.0.2.100
                }
            }
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void aListenerOnTheVirtualAddressFollowsIt() throws IOException {
        int code = run("lb", "-c", "-f", file("haproxy.cfg", HAPROXY), "--vrrp", file(
                "keepalived.conf", KEEPALIVED), "--vrrp-backend", "loopback");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Configuration file is valid").contains(
                "keepalived.conf: configuration is valid (1 instance; 1 virtual address with "
                        + "listeners)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noListenerOnTheVirtualAddressIsAWarning() throws IOException {
        int code = run("lb", "-c", "-f", file("haproxy.cfg", HAPROXY.replace("127.0.2.100",
                "127.0.2.101")), "--vrrp", file("keepalived.conf", KEEPALIVED),
                "--vrrp-backend", "loopback");
        assertThat(code).isZero();
        assertThat(err.toString()).contains("warning: no listener of the haproxy.cfg is bound "
                + "on a virtual address of [127.0.2.100]");
    }

    @Test
    void aUserInTheFileSaysTheProcessStaysRoot() throws IOException {
        assumeTrue(ProcessUser.isRoot(), "not running as root: user and group are ignored "
                + "anyway, so there is no staying root to report");
        int code = run("lb", "-c", "-f", file("haproxy.cfg", "global\n  user nobody\n"
                + HAPROXY), "--vrrp", file("keepalived.conf", KEEPALIVED), "--vrrp-backend",
                "loopback");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("haproxy.cfg:1: warning: with --vrrp the process "
                + "stays root instead of running as user 'nobody'", "two processes");
    }

    @Test
    void theLoopbackBackendRefusesAddressesOutside127() throws IOException {
        int code = run("lb", "-c", "-f", file("haproxy.cfg", HAPROXY), "--vrrp", file(
                "keepalived.conf", KEEPALIVED.replace("127.0.2.100", "192.168.2.100")),
                "--vrrp-backend", "loopback");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("needs 127.x virtual addresses, got 192.168.2.100");
    }

    @Test
    void backendOptionsWithoutVrrpAndBadValuesAreUsageErrors() throws IOException {
        String cfg = file("haproxy.cfg", HAPROXY);
        assertThat(run("lb", "-c", "-f", cfg, "--vrrp-backend", "loopback")).isEqualTo(2);
        assertThat(err.toString()).contains("--vrrp-backend and --vrrp-loopback-port need "
                + "--vrrp FILE");
        String conf = file("keepalived.conf", KEEPALIVED);
        assertThat(run("lb", "-c", "-f", cfg, "--vrrp", conf, "--vrrp-backend", "bsd"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--vrrp-backend 'bsd': expected linux or loopback");
        assertThat(run("lb", "-c", "-f", cfg, "--vrrp", dir.resolve("none.conf").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("none.conf: keepalived.conf not found");
    }
}
