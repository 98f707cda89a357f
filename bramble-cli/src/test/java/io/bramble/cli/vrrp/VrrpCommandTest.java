package io.bramble.cli.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bramble vrrp}: checking a file, and the mistakes refused before anything starts. */
class VrrpCommandTest {
    private static final String SEED = """
            vrrp_script chk_haproxy {
                    script "killall -0 haproxy"
                    interval 2
                    weight 2
            }
            vrrp_instance VI_1 {
                    interface eth0
                    state MASTER
                    virtual_router_id 51
                    priority 101
                    virtual_ipaddress {
                        192.168.2.100
                    }
                    track_script {
                        chk_haproxy
                    }
            }
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void checksTheSeedsConfigAndSaysItWouldNotSpeakToAStockKeepalived() throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), SEED);
        assertThat(run("vrrp", "-c", "-f", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("keepalived.conf: configuration is valid "
                + "(1 instance): 0 errors, 1 warning");
        assertThat(err.toString()).contains("keepalived.conf:6: vrrp_instance: warning: VI_1: "
                + "no vrrp_version is set, so bramble speaks VRRP 3 with an advert every 0.1 s",
                "add the line 'version 2' to this vrrp_instance");
    }

    @Test
    void aFileThatSetsItsVersionGetsNoWarning() throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"),
                "global_defs {\n    vrrp_version 3\n}\n" + SEED);
        assertThat(run("vrrp", "-c", "-f", file.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("configuration is valid (1 instance): 0 errors, "
                + "0 warnings");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void showsEveryErrorWithFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.conf"), SEED.replace("priority 101",
                "priority 300").replace("interval 2", "interval 2\n        frobnicate"));
        assertThat(run("vrrp", "-c", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(
                "bad.conf:4: frobnicate: unknown keyword in vrrp_script",
                "bad.conf:11: priority: expected a priority (an integer from 1 to 255), "
                        + "got '300'",
                "bad.conf: configuration is not valid: 2 errors, 1 warning");
        assertThat(err.toString()).contains("bad.conf:7: vrrp_instance: warning: VI_1: no "
                + "vrrp_version is set");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void warningsGoToStandardError() throws IOException {
        Path file = Files.writeString(dir.resolve("mail.conf"), "global_defs {\n"
                + "    smtp_server 192.0.2.25\n}\n" + SEED);
        assertThat(run("vrrp", "--check", "-f", file.toString())).isEqualTo(0);
        assertThat(err.toString()).contains("mail.conf:2: smtp_server: warning: bramble sends "
                + "no mail");
    }

    @Test
    void refusesAMissingFileAndAnUnknownBackend() throws IOException {
        assertThat(run("vrrp", "-c", "-f", dir.resolve("none.conf").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("none.conf: config file not found");
        Path file = Files.writeString(dir.resolve("keepalived.conf"), SEED);
        assertThat(run("vrrp", "--backend", "bsd", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--backend 'bsd': expected linux or loopback");
    }

    @Test
    void loopbackNeedsLoopbackAddresses() throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), SEED);
        assertThat(run("vrrp", "--backend", "loopback", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--backend loopback needs unicast_src_ip and "
                + "unicast_peer");
    }
}
