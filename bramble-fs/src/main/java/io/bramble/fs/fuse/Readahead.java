package io.bramble.fs.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Widens the kernel's readahead on a mount to one full request. The kernel offers 128 KiB in
 * INIT and takes no more from the answer, so a sequential read would reach the volume as
 * round trips of 128 KiB, a quarter of a millisecond of transfer each; only the mount's
 * entry in {@code /sys/class/bdi} raises it, and only root may write there. A mount that
 * cannot (one made through fusermount3) keeps the kernel's size.
 */
final class Readahead {
    static final Path BDI = Path.of("/sys/class/bdi");

    private static final Logger log = LoggerFactory.getLogger(Readahead.class);

    private Readahead() {
    }

    /**
     * Raises the readahead of the mount on {@code mountPoint} to {@code bytes} unless it is
     * that large already. The mount must be served: finding its device asks it.
     */
    static void widen(Path mountPoint, int bytes) {
        try {
            long device = (Long) Files.getAttribute(mountPoint, "unix:dev");
            Path setting = BDI.resolve(deviceName(device)).resolve("read_ahead_kb");
            int wantedKb = bytes / 1024;
            int currentKb = Integer.parseInt(Files.readString(setting).trim());
            if (currentKb < wantedKb) {
                Files.writeString(setting, Integer.toString(wantedKb));
                log.debug("readahead of {} raised from {} to {} KiB", mountPoint, currentKb,
                        wantedKb);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("readahead of {} left as the kernel set it: {}", mountPoint, e
                    .toString());
        }
    }

    /** The name sysfs gives the device {@code st_dev} (Linux's encoding): "major:minor". */
    static String deviceName(long device) {
        long major = (device & 0xfff00L) >>> 8 | (device & 0xfffff00000000000L) >>> 32;
        long minor = device & 0xffL | (device & 0xffffff00000L) >>> 12;
        return major + ":" + minor;
    }
}
