package io.bramble.cluster.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.pool.store.MemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcs's cluster cib and cib-push on the CIB kept in the store. */
class LiveCibFileTest {
    private static final CibStamp STAMP = new CibStamp("Sun Dec  6 02:05:27 2026", "bramble",
            "n1");
    private static final PoolHosts HOSTS = new PoolHosts(List.of("n1", "n2"), Set.of("n1",
            "n2"), id -> Optional.empty());

    @TempDir
    Path dir;

    private final MemoryStore store = new MemoryStore();
    private final LiveCibFile file = new LiveCibFile(new LiveCib(store), HOSTS);

    private static String cib(int epoch, String resources) {
        return "<cib admin_epoch=\"0\" epoch=\"" + epoch + "\" num_updates=\"0\">"
                + "<configuration><crm_config/><nodes><node id=\"1\" uname=\"n1\"/></nodes>"
                + "<resources>" + resources + "</resources><constraints/></configuration>"
                + "<status/></cib>";
    }

    private static final String DUMMY = "<primitive id=\"d\" class=\"ocf\" provider=\"heartbeat\""
            + " type=\"Dummy\"/>";

    private Path write(String name, String xml) throws Exception {
        return Files.writeString(dir.resolve(name), xml);
    }

    @Test
    void aNewerCibReplacesTheStoredOneAndAnOlderOrEqualOneIsRefused() throws Exception {
        Path five = write("five.xml", cib(5, DUMMY));
        assertThat(file.push(List.of(five.toString()), STAMP).out())
                .containsExactly("CIB updated");
        assertThat(file.show(List.of()).out()).anySatisfy(l -> assertThat(l).contains(
                "id=\"d\""));
        assertThatThrownBy(() -> file.push(List.of(five.toString()), STAMP))
                .isInstanceOf(PcsException.class).hasMessageContaining("older than existing");
        Path four = write("four.xml", cib(4, ""));
        PcsResult config = file.push(List.of(four.toString(), "--config"), STAMP);
        assertThat(config.exitCode()).isZero();
        String stored = store.get(CibRecord.TYPE, CibRecord.KEY).orElseThrow().value();
        assertThat(stored).as("the configuration pushed, the epoch moved on")
                .contains("epoch=\"6\"").doesNotContain("id=\"d\"");
    }

    @Test
    void aCibWithWhatBrambleDoesNotRunChangesNothing() throws Exception {
        Path ticket = write("t.xml", cib(9, "").replace("<constraints/>",
                "<constraints><rsc_ticket id=\"t\" rsc=\"d\" ticket=\"x\"/></constraints>"));
        assertThatThrownBy(() -> file.push(List.of(ticket.toString()), STAMP))
                .isInstanceOf(PcsException.class).hasMessageContaining("rsc_ticket");
        assertThat(store.get(CibRecord.TYPE, CibRecord.KEY)).isEmpty();
    }

    @Test
    void theStoredCibIsWrittenToAFile() throws Exception {
        file.push(List.of(write("a.xml", cib(3, DUMMY)).toString()), STAMP);
        Path out = dir.resolve("copy.xml");
        assertThat(file.show(List.of(out.toString())).out()).isEmpty();
        assertThat(Files.readString(out)).contains("epoch=\"3\"").contains("id=\"d\"")
                .contains("uname=\"n2\"");
    }
}
