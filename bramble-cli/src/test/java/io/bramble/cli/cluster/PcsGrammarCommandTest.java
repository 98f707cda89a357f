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
 * {@code bramble resource|constraint|property|stonith} and {@code cluster standby} through
 * {@link Main#run}: pcs's words with {@code -f FILE} anywhere, the file rewritten.
 */
class PcsGrammarCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aFileThatDoesNotExistStartsAsPcsStartsItAndIsWrittenBack() throws IOException {
        Path file = dir.resolve("cib.xml");
        assertThat(run("property", "-f", file.toString(), "set", "stonith-enabled=false"))
                .isZero();
        assertThat(Files.readString(file)).contains("<nvpair id=\"cib-bootstrap-options-"
                + "stonith-enabled\" name=\"stonith-enabled\" value=\"false\"/>")
                .contains("epoch=\"2\"");
        assertThat(run("property", "config", "-f", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Cluster Properties:\n stonith-enabled: false\n");
    }

    @Test
    void listingsLeaveTheFileAsItWas() throws IOException {
        Path file = dir.resolve("cib.xml");
        run("constraint", "-f", file.toString());
        String before = Files.readString(file);
        assertThat(run("constraint", "config", "-f", file.toString())).isZero();
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(out.toString()).contains("Location Constraints:\n");
    }

    @Test
    void refusalsSayErrorAndExitOneWithTheFileUnchanged() throws IOException {
        Path file = dir.resolve("cib.xml");
        run("constraint", "-f", file.toString());
        String before = Files.readString(file);
        assertThat(run("constraint", "-f", file.toString(), "location", "nope", "prefers",
                "n1")).isEqualTo(1);
        assertThat(err.toString()).endsWith("Error: Resource 'nope' does not exist\n");
        assertThat(run("resource", "move", "WebApp", "n2", "-f", file.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).endsWith(
                "Error: Specified option '-f' is not supported in this command\n");
        assertThat(run("cluster", "standby", "n1", "-f", file.toString())).isEqualTo(1);
        assertThat(err.toString()).endsWith(
                "Error: Node 'n1' does not appear to exist in configuration\n");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void withoutAFileTheLocalNodeIsAskedAndNamedWhenItIsNotRunning() {
        Path state = dir.resolve("no-node");
        assertThat(run("resource", "create", "A", "ocf:pacemaker:Dummy", "--state-dir",
                state.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no bramble node is running with state directory "
                + state);
        assertThat(err.toString().lines().count()).as(err.toString()).isEqualTo(1);
    }

    @Test
    void wordsAfterDoubleDashStayAsTypedForPcs() throws IOException {
        Path file = dir.resolve("cib.xml");
        run("resource", "-f", file.toString(), "create", "A", "ocf:pacemaker:Dummy");
        run("resource", "-f", file.toString(), "create", "B", "ocf:pacemaker:Dummy");
        assertThat(run("constraint", "-f", file.toString(), "colocation", "add", "A",
                "with", "B", "--", "-100")).isZero();
        assertThat(err.toString()).doesNotContain("Deprecation Warning: Using '-100'");
        assertThat(Files.readString(file)).contains("<rsc_colocation id=\"colocation-A-B--100\""
                + " rsc=\"A\" with-rsc=\"B\" score=\"-100\"/>");
    }

    @Test
    void aFileThatIsNotXmlIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("cib.xml"), "");
        assertThat(run("property", "-f", file.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("Error: unable to process cib: ");
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
