package io.bramble.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bramble cluster import-heartbeat}: a Heartbeat folder into a CIB file, with the
 * agents installed on this machine (Debian's resource-agents), and then read back by
 * {@code bramble resource config}.
 */
class ImportHeartbeatCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path heartbeat(String haresources) throws IOException {
        Path ha = Files.createDirectories(dir.resolve("ha.d"));
        Files.writeString(ha.resolve("ha.cf"), """
                keepalive 2
                deadtime 30
                auto_failback off
                node web1
                node web2
                """);
        Files.writeString(ha.resolve("haresources"), haresources);
        return ha;
    }

    @Test
    void haresourcesBecomeAGroupWithItsPreferenceInTheFile() throws IOException {
        Path ha = heartbeat("web1 192.168.56.204/24 apache::/etc/apache2/apache2.conf\n");
        Path cib = dir.resolve("cib.xml");
        int code = run("cluster", "import-heartbeat", ha.toString(), "-f", cib.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("""
                pcs resource defaults update resource-stickiness=INFINITY
                pcs resource create IPaddr_192_168_56_204 ocf:heartbeat:IPaddr \
                ip=192.168.56.204 cidr_netmask=24 --group group_1
                pcs resource create apache ocf:heartbeat:apache \
                configfile=/etc/apache2/apache2.conf --group group_1
                pcs constraint location group_1 prefers web1=100
                """);
        assertThat(err.toString()).contains(ha.resolve("ha.cf") + ":1: keepalive: warning: ");
        assertThat(Files.readString(cib)).contains("<group id=\"group_1\">")
                .contains("name=\"resource-stickiness\" value=\"INFINITY\"");

        out.getBuffer().setLength(0);
        assertThat(run("resource", "config", "-f", cib.toString())).isZero();
        assertThat(out.toString()).contains("Group: group_1",
                "Resource: IPaddr_192_168_56_204 (class=ocf provider=heartbeat type=IPaddr)",
                "Resource: apache (class=ocf provider=heartbeat type=apache)");
    }

    @Test
    void aLineThatCannotBeTakenLeavesTheFileAsItWas() throws IOException {
        Path cib = dir.resolve("cib.xml");
        assertThat(run("property", "-f", cib.toString(), "set", "stonith-enabled=false"))
                .isZero();
        String before = Files.readString(cib);
        Path ha = heartbeat("web1 10.0.0.9\nweb2 drbddisk::r0\n");
        assertThat(run("cluster", "import-heartbeat", ha.toString(), "-f", cib.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains(ha.resolve("haresources")
                + ":2: drbddisk::r0: DRBD runs under Pacemaker as ocf:linbit:drbd");
        assertThat(Files.readString(cib)).isEqualTo(before);
    }

    @Test
    void aServiceThatIsNotInstalledNeedsForce() throws IOException {
        Path ha = heartbeat("web2 no-such-service-here\n");
        Path cib = dir.resolve("cib.xml");
        assertThat(run("cluster", "import-heartbeat", ha.toString(), "-f", cib.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Error: " + ha.resolve("haresources")
                + ":1: nothing was written");
        assertThat(cib).doesNotExist();
        assertThat(run("cluster", "import-heartbeat", ha.toString(), "-f", cib.toString(),
                "--force")).isZero();
        assertThat(Files.readString(cib)).contains("<primitive id=\"no-such-service-here\" "
                + "class=\"service\" type=\"no-such-service-here\">",
                "<op name=\"monitor\" interval=\"60s\"");
        assertThat(err.toString()).contains("Warning: Agent 'service:no-such-service-here' is "
                + "not installed or does not provide valid metadata");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
