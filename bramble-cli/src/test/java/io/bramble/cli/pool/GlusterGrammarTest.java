package io.bramble.cli.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GlusterGrammarTest {
    private final StringWriter notes = new StringWriter();

    private String[] normalize(String... args) {
        return GlusterGrammar.normalize(args, new PrintWriter(notes, true));
    }

    @Test
    void bramblesOwnLinesPassUnchanged() {
        assertThat(normalize("peer", "probe", "gluster2.local"))
                .containsExactly("peer", "probe", "gluster2.local");
        assertThat(normalize("lb", "-f", "haproxy.cfg")).containsExactly("lb", "-f",
                "haproxy.cfg");
        assertThat(notes.toString()).isEmpty();
    }

    @Test
    void glustersGlobalRemoteHostMovesAfterTheCommand() {
        assertThat(normalize("--remote-host=gluster2", "pool", "list"))
                .containsExactly("pool", "list", "--remote-host=gluster2");
        assertThat(normalize("--remote-host", "gluster2", "peer", "status"))
                .containsExactly("peer", "status", "--remote-host", "gluster2");
    }

    @Test
    void seed003sNodeProbeIsAPeerProbeWithANote() {
        assertThat(normalize("node", "probe", "gluster3")).containsExactly("peer", "probe",
                "gluster3");
        assertThat(notes.toString()).contains("'node probe' is 'peer probe'");
    }

    @Test
    void commandsNotRunYetSaySo() {
        assertThat(GlusterGrammar.unsupported(new String[]{"snapshot", "list"})).get()
                .asString().startsWith("gluster: 'snapshot' is not supported by bramble yet");
        assertThat(GlusterGrammar.unsupported(new String[]{"peer", "status"})).isEmpty();
        assertThat(GlusterGrammar.unsupported(new String[]{"volume", "info"})).isEmpty();
    }

    @Test
    void glustersScriptModeMovesAfterTheCommandToo() {
        assertThat(normalize("--mode=script", "volume", "stop", "gv0")).containsExactly(
                "volume", "stop", "--mode=script", "gv0");
        assertThat(normalize("--mode", "script", "--remote-host=gluster2", "volume", "delete",
                "gv0")).containsExactly("volume", "delete", "--mode", "script",
                        "--remote-host=gluster2", "gv0");
    }

    @Test
    void seed003sStopVolumeIsAVolumeStopWithANote() {
        assertThat(normalize("stop", "volume", "data1")).containsExactly("volume", "stop",
                "data1");
        assertThat(notes.toString()).contains("'stop volume' is 'volume stop'");
        assertThat(normalize("volume", "stop", "data1")).containsExactly("volume", "stop",
                "data1");
    }
}
