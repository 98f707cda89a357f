package io.bramble.fs.volume.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.status.DiskFacts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskProbeTest {
    @Test
    void thisMachinesRootHasFacts() {
        DiskFacts facts = DiskProbe.of(Path.of("/"));
        assertThat(facts.fileSystem()).isNotEqualTo("N/A");
        assertThat(facts.totalBytes()).isPositive();
        assertThat(facts.inodes()).isNotZero();
    }
}
