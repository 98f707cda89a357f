package io.bramble.fs.mount;

import io.bramble.fs.fuse.FuseOptions;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.option.VolumeOptions;
import java.time.Duration;

/**
 * What a volume's {@code performance.*} options ask of the kernel's caches at mount time:
 * {@code write-behind off} turns the writeback cache off, so that each write(2) reaches the
 * bricks before it returns; {@code stat-prefetch off} makes attributes and names uncached, so
 * that each stat asks the bricks. Pure.
 */
public final class ClientCaching {
    private ClientCaching() {
    }

    /** {@code base} with the caches {@code volume}'s options allow. */
    public static FuseOptions apply(VolumeSpec volume, FuseOptions base) {
        FuseOptions options = base;
        if (!VolumeOptions.isOn(volume, "performance.write-behind")) {
            options = options.withWritebackCache(false);
        }
        if (!VolumeOptions.isOn(volume, "performance.stat-prefetch")) {
            options = options.withTimeouts(Duration.ZERO, Duration.ZERO);
        }
        return options;
    }
}
