package io.bramble.cluster.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.pcs.AgentSource;
import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.pool.store.MemoryStore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pcs's words on the CIB kept in the store, as members run them at once. */
class LiveCibTest {
    /** No agents: these commands never ask for one. */
    private static final AgentSource NO_AGENTS = new AgentSource() {
        @Override
        public AgentCatalog catalog() {
            throw new AssertionError("no agent is needed");
        }

        @Override
        public AgentMetadata metadata(AgentName agent) {
            throw new AssertionError("no agent is needed");
        }
    };

    private static final CibStamp STAMP = new CibStamp("Sun Dec  6 02:05:27 2026", "bramble",
            "n1");

    private final MemoryStore store = new MemoryStore();
    private final LiveCib cib = new LiveCib(store);

    private PcsResult pcs(LiveCib on, String line) {
        return on.run(Arrays.asList(line.split(" ")), NO_AGENTS, List.of("n1", "n2"), STAMP);
    }

    @Test
    void aChangeIsStoredAndTheNextCommandOnAnyMemberSeesIt() {
        assertThat(pcs(cib, "property set stonith-enabled=false").exitCode()).isZero();
        assertThat(store.get(CibRecord.TYPE, CibRecord.KEY).orElseThrow().version())
                .isEqualTo(1);
        PcsResult config = pcs(new LiveCib(store), "property config");
        assertThat(config.out()).containsExactly("Cluster Properties:",
                " stonith-enabled: false");
        assertThat(store.puts).as("a listing writes nothing").isEqualTo(1);
        assertThat(cib.read().toXml()).contains("epoch=\"2\"")
                .contains("cib-last-written=\"Sun Dec  6 02:05:27 2026\"")
                .contains("update-client=\"bramble\"").contains("update-origin=\"n1\"");
    }

    @Test
    void aRefusedCommandWritesNothing() {
        PcsResult refused = pcs(cib, "constraint location nothing prefers n1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Error: Resource 'nothing' does not exist");
        assertThat(store.puts).isZero();
        assertThat(store.get(CibRecord.TYPE, CibRecord.KEY)).isEmpty();
    }

    @Test
    void aChangeMadeMeanwhileByAnotherMemberIsKeptAndTheCommandRunsAgainOnIt() {
        pcs(cib, "property set stonith-enabled=false");
        LiveCib other = new LiveCib(store);
        store.beforePut = () -> pcs(other, "property set no-quorum-policy=freeze");
        assertThat(pcs(cib, "property set maintenance-mode=false").exitCode()).isZero();
        assertThat(pcs(cib, "property config").out()).contains(" stonith-enabled: false",
                " no-quorum-policy: freeze", " maintenance-mode: false");
        assertThat(store.puts).as("one conflict, then the second try").isEqualTo(4);
    }

    @Test
    void theClusterNodesAreInTheCibForStandbyAsPacemakerAddsThem() {
        assertThat(pcs(cib, "node standby n2").exitCode()).isZero();
        String xml = cib.read().toXml();
        assertThat(xml).contains("<node id=\"n1\" uname=\"n1\"/>").contains("uname=\"n2\"")
                .contains("name=\"standby\" value=\"on\"");
        assertThat(pcs(cib, "node standby n3").err())
                .contains("Error: Node 'n3' does not appear to exist in configuration");
    }

    @Test
    void aFileIsRefusedSinceTheLiveCibIsInThePool() {
        PcsResult refused = cib.run(List.of("property", "-f", "cib.xml", "set", "a=b"),
                NO_AGENTS, List.of(), STAMP);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().getFirst()).startsWith("Error: -f is for CIB files");
        assertThat(store.puts).isZero();
    }
}
