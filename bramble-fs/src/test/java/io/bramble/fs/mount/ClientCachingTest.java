package io.bramble.fs.mount;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.fuse.FuseOptions;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientCachingTest {
    private static VolumeSpec volume(Map<String, String> options) {
        return new VolumeSpec("gv0", UUID.randomUUID(), 2, false, "tcp", List.of(new Brick(
                "h1", "/b", UUID.randomUUID()), new Brick("h2", "/b", UUID.randomUUID())),
                VolumeStatus.STARTED, options);
    }

    @Test
    void byDefaultTheKernelCachesWritesAndAttributes() {
        FuseOptions base = FuseOptions.defaults();
        FuseOptions options = ClientCaching.apply(volume(Map.of()), base);
        assertThat(options).isSameAs(base);
        assertThat(options.writebackCache()).isTrue();
        assertThat(options.attrTimeout()).isPositive();
    }

    @Test
    void writeBehindOffSendsEachWriteAtOnce() {
        FuseOptions options = ClientCaching.apply(volume(Map.of("performance.write-behind",
                "off")), FuseOptions.defaults());
        assertThat(options.writebackCache()).isFalse();
        assertThat(options.attrTimeout()).isEqualTo(FuseOptions.defaults().attrTimeout());
    }

    @Test
    void statPrefetchOffCachesNoAttributesNorNames() {
        FuseOptions options = ClientCaching.apply(volume(Map.of("performance.stat-prefetch",
                "Disable")), FuseOptions.defaults());
        assertThat(options.attrTimeout()).isEqualTo(Duration.ZERO);
        assertThat(options.entryTimeout()).isEqualTo(Duration.ZERO);
        assertThat(options.writebackCache()).isTrue();
    }
}
