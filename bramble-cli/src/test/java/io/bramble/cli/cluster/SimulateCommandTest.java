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

/** {@code bramble cluster simulate} through {@link Main#run}, as the command line reaches it. */
class SimulateCommandTest {
    private static final String CIB = """
            <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" have-quorum="1">
              <configuration>
                <crm_config>
                  <cluster_property_set id="o">
                    <nvpair id="o-1" name="stonith-enabled" value="false"/>
                  </cluster_property_set>
                </crm_config>
                <nodes>
                  <node id="1" uname="web1"/>
                  <node id="2" uname="web2"/>
                </nodes>
                <resources>
                  <primitive id="AppIP" class="ocf" provider="heartbeat" type="IPaddr2"/>
                </resources>
                <constraints>
                  <rsc_location id="cli-prefer-AppIP" rsc="AppIP" node="web2" score="INFINITY"/>
                </constraints>
              </configuration>
              <status>
                <node_state id="1" uname="web1" in_ccm="true" crmd="online" join="member"/>
                <node_state id="2" uname="web2" in_ccm="true" crmd="online" join="member"/>
              </status>
            </cib>
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void simulatePrintsTheSummaryAndTheRevisedStatus() throws IOException {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB);
        int code = run("cluster", "simulate", "-x", file.toString(), "-S",
                "-t", "2023-11-14T22:13:20Z");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Transition Summary:\n"
                + "  * Start      AppIP     (  web2 )\n");
        assertThat(out.toString())
                .endsWith("    * AppIP\t(ocf:heartbeat:IPaddr2):\t Started web2\n");
    }

    @Test
    void withoutSimulateOnlyTheCurrentStatusIsShown() throws IOException {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB);
        assertThat(run("cluster", "simulate", "-x", file.toString())).isZero();
        assertThat(out.toString()).startsWith("Current cluster status:\n")
                .doesNotContain("Transition Summary:");
    }

    @Test
    void anUnsupportedElementIsNamedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("cib.xml"), CIB.replace("<constraints>",
                "<constraints>\n<rsc_ticket id=\"t\" rsc=\"AppIP\" ticket=\"x\"/>"));
        assertThat(run("cluster", "simulate", "-x", file.toString(), "-S")).isEqualTo(2);
        assertThat(err.toString()).contains("cib.xml:16: <rsc_ticket>: element rsc_ticket is"
                + " not supported here (in constraints)");
    }

    @Test
    void aMissingFileSaysHowToMakeOne() {
        assertThat(run("cluster", "simulate", "-x", dir.resolve("none.xml").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("pcs cluster cib FILE");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
