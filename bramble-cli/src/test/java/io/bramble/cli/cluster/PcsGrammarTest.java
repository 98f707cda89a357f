package io.bramble.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pcs's command lines as bramble's words. */
class PcsGrammarTest {
    private static List<String> bramble(String pcsLine) {
        return List.of(PcsGrammar.translate(List.of(pcsLine.split(" "))));
    }

    @Test
    void pcsWordsBecomeBramblesWhereTheyDiffer() {
        assertThat(bramble("host auth web1 web2 -u hacluster")).containsExactly("cluster",
                "auth", "web1", "web2", "-u", "hacluster");
        assertThat(bramble("node standby web1")).containsExactly("cluster", "standby", "web1");
        assertThat(bramble("cluster status")).containsExactly("status");
        assertThat(bramble("config")).containsExactly("cluster", "config");
        assertThat(bramble("resource status")).containsExactly("status", "resources");
        assertThat(bramble("-f cib.xml config show")).containsExactly("cluster", "config", "-f",
                "cib.xml");
        assertThat(bramble("cluster setup webapp web1 web2 --start")).containsExactly(
                "cluster", "setup", "webapp", "web1", "web2", "--start");
        assertThat(bramble("resource move WebApp web2")).containsExactly("resource", "move",
                "WebApp", "web2");
        assertThat(bramble("-f cib.xml resource create d ocf:heartbeat:Dummy")).containsExactly(
                "resource", "create", "d", "ocf:heartbeat:Dummy", "-f", "cib.xml");
    }

    @Test
    void whatBrambleDoesNotRunIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> bramble("alert")).isInstanceOf(UserError.class)
                .hasMessageStartingWith("pcs: 'alert' is not supported by bramble yet;"
                        + " it runs host auth, ");
        assertThatThrownBy(() -> bramble("cluster node add web3")).hasMessageContaining(
                "'cluster node' is not supported");
    }
}
