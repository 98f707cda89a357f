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

/** {@code bramble cluster status} through {@link Main#run}, as the command line reaches it. */
class StatusCommandTest {
    private static final String CIB = """
            <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1"
                 num_updates="0" admin_epoch="0" have-quorum="1" dc-uuid="1">
              <configuration>
                <crm_config>
                  <cluster_property_set id="o">
                    <nvpair id="o-1" name="stonith-enabled" value="false"/>
                    <nvpair id="o-2" name="cluster-name" value="web"/>
                    <nvpair id="o-3" name="cluster-infrastructure" value="corosync"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="web1"/>
                  <node id="2" uname="web2"/>
                </nodes>
                <resources>
                  <primitive id="AppIP" class="ocf" provider="heartbeat" type="IPaddr2"/>
                </resources>
                <constraints/>
              </configuration>
              <status>
                <node_state id="1" uname="web1" in_ccm="true" crmd="online" join="member"/>
              </status>
            </cib>
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The text crm_mon 2.1.5 prints for this CIB, Last updated aside. */
    @Test
    void statusPrintsTheNameThenCrmMonsText() throws IOException {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB);
        assertThat(run("cluster", "status", "-f", file.toString())).isZero();
        assertThat(out.toString()).startsWith("Cluster name: web\nCluster Summary:\n"
                + "  * Stack: corosync\n"
                + "  * Current DC: web1 (version unknown) - partition with quorum\n"
                + "  * Last updated: ");
        assertThat(out.toString()).endsWith("  * Last change:  \n"
                + "  * 2 nodes configured\n"
                + "  * 1 resource instance configured\n\n"
                + "Node List:\n"
                + "  * Online: [ web1 ]\n"
                + "  * OFFLINE: [ web2 ]\n\n"
                + "Full List of Resources:\n"
                + "  * AppIP\t(ocf:heartbeat:IPaddr2):\t Stopped\n");
    }

    @Test
    void bramblesTopLevelStatusIsTheSame() throws IOException {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB);
        assertThat(run("status", "-f", file.toString())).isZero();
        String top = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("cluster", "status", "-f", file.toString())).isZero();
        assertThat(withoutLastUpdated(top)).isEqualTo(withoutLastUpdated(out.toString()));
        assertThat(run("status", "xml", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bramble status xml: not supported");
    }

    private static String withoutLastUpdated(String text) {
        return text.replaceAll("  \\* Last updated: [^\\n]*\\n", "");
    }

    @Test
    void withoutAFileTheLocalNodeIsAskedAndNamedWhenItIsNotRunning() {
        Path state = dir.resolve("no-node");
        assertThat(run("cluster", "status", "--state-dir", state.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no bramble node is running with state directory "
                + state);
    }

    @Test
    void statusResourcesPrintsTheResourcesAsPcsDoes() throws Exception {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB);
        assertThat(run("cluster", "status", "resources", "-f", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("  * AppIP\t(ocf:heartbeat:IPaddr2):\t Stopped\n");
        assertSameAsPcs(file, out.toString(), "status", "resources");
    }

    /**
     * A fence device is listed by {@code stonith status} and left out of {@code status
     * resources}, as pcs filters crm_mon's lines; the same text as pcs prints where pcs is
     * installed.
     */
    @Test
    void stonithStatusListsTheFenceDevicesAndStatusResourcesTheOthers() throws Exception {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB.replace("</resources>",
                "  <primitive id=\"lab\" class=\"stonith\" type=\"fence_bramble_lab\"/>\n"
                        + "    </resources>"));
        assertThat(run("cluster", "status", "stonith", "-f", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("  * lab\t(stonith:fence_bramble_lab):\t Stopped\n");
        assertSameAsPcs(file, out.toString(), "stonith", "status");
        out.getBuffer().setLength(0);
        assertThat(run("cluster", "status", "resources", "-f", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("  * AppIP\t(ocf:heartbeat:IPaddr2):\t Stopped\n");
        assertSameAsPcs(file, out.toString(), "status", "resources");
        Path none = Files.writeString(dir.resolve("none.xml"), CIB);
        out.getBuffer().setLength(0);
        assertThat(run("cluster", "status", "stonith", "-f", none.toString())).isZero();
        assertThat(out.toString()).isEqualTo("NO stonith devices configured\n");
        assertSameAsPcs(none, out.toString(), "stonith", "status");
    }

    /** Where pcs is installed, {@code pcs -f FILE WORDS} prints {@code printed} too. */
    private static void assertSameAsPcs(Path file, String printed, String... words)
            throws Exception {
        Path pcs = Path.of("/usr/sbin/pcs");
        if (!Files.isExecutable(pcs)) {
            return;
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                pcs.toString(), "-f", file.toString()));
        command.addAll(java.util.List.of(words));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String pcsPrinted = new String(process.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(printed).as("as pcs prints it").isEqualTo(pcsPrinted);
    }

    /** The nodes by state, as pcs prints them: an online one, a standby one, an offline one. */
    @Test
    void statusNodesSortsTheNodesByState() throws Exception {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB.replace(
                "<node id=\"2\" uname=\"web2\"/>", "<node id=\"2\" uname=\"web2\"/>\n"
                        + "      <node id=\"3\" uname=\"web3\"><instance_attributes id=\"n3\">"
                        + "<nvpair id=\"n3-s\" name=\"standby\" value=\"on\"/>"
                        + "</instance_attributes></node>")
                .replace("</status>",
                        "  <node_state id=\"3\" uname=\"web3\" in_ccm=\"true\" crmd=\"online\""
                                + " join=\"member\"/>\n  </status>"));
        assertThat(run("cluster", "status", "nodes", "-f", file.toString())).as(err.toString())
                .isZero();
        assertThat(out.toString()).isEqualTo("""
                Pacemaker Nodes:
                 Online: web1
                 Standby: web3
                 Standby with resource(s) running:
                 Maintenance:
                 Offline: web2
                Pacemaker Remote Nodes:
                 Online:
                 Standby:
                 Standby with resource(s) running:
                 Maintenance:
                 Offline:
                """);
        assertSameAsPcs(file, out.toString(), "status", "nodes");
    }

    /**
     * {@code status --full}: a line a node with its id, the Migration Summary and pcs's
     * Tickets part; the same text as {@code pcs -f FILE --corosync_conf=FILE status --full}
     * prints where pcs is installed, Last updated aside.
     */
    @Test
    void statusFullIsPcsStatusFull() throws Exception {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB);
        assertThat(run("cluster", "status", "--full", "-f", file.toString())).as(err.toString())
                .isZero();
        String full = out.toString();
        assertThat(full).contains("  * Current DC: web1 (1) (version unknown) - partition with"
                + " quorum\n").endsWith("Node List:\n"
                        + "  * Node web1 (1): online, feature set <3.15.1\n"
                        + "  * Node web2 (2): OFFLINE\n\n"
                        + "Full List of Resources:\n"
                        + "  * AppIP\t(ocf:heartbeat:IPaddr2):\t Stopped\n\n"
                        + "Migration Summary:\n\n"
                        + "Tickets:\n");
        Path pcs = Path.of("/usr/sbin/pcs");
        if (!Files.isExecutable(pcs)) {
            return;
        }
        Path corosync = Files.writeString(dir.resolve("corosync.conf"), """
                totem {
                    version: 2
                    cluster_name: web
                }
                nodelist {
                    node {
                        ring0_addr: web1
                        name: web1
                        nodeid: 1
                    }
                }
                """);
        ProcessBuilder builder = new ProcessBuilder(pcs.toString(), "-f", file.toString(),
                "--corosync_conf=" + corosync, "status", "--full").redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String pcsPrinted = new String(process.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(pcsPrinted).isZero();
        assertThat(withoutLastUpdated(full)).isEqualTo(withoutLastUpdated(pcsPrinted));
    }

    @Test
    void viewsAndHideInactiveAreRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB);
        assertThat(run("cluster", "status", "groups", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("status groups: not supported");
        assertThat(run("cluster", "status", "--hide-inactive", "-f", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--hide-inactive: not supported");
        assertThat(run("cluster", "status", "resources", "--full", "-f", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("status resources --full: not supported");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
