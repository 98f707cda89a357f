package io.bramble.fs.volume.serve;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.option.VolumeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * {@code storage.owner-uid} and {@code storage.owner-gid}: the owner and group of a served
 * brick's root folder, which is the volume's root as clients see it. -1 leaves it as it is.
 */
final class BrickOwner {
    private static final String KEEP = "-1";

    private BrickOwner() {
    }

    /** Gives {@code folder} the owner {@code volume} asks for; true when it changed. */
    static boolean apply(VolumeSpec volume, Path folder) throws IOException {
        boolean changed = set(folder, "unix:uid", VolumeOptions.value("storage.owner-uid",
                volume));
        return set(folder, "unix:gid", VolumeOptions.value("storage.owner-gid", volume))
                || changed;
    }

    private static boolean set(Path folder, String attribute, String wanted)
            throws IOException {
        if (wanted.equals(KEEP)) {
            return false;
        }
        int id = Integer.parseInt(wanted);
        int now = (Integer) Files.getAttribute(folder, attribute, LinkOption.NOFOLLOW_LINKS);
        if (now == id) {
            return false;
        }
        Files.setAttribute(folder, attribute, id, LinkOption.NOFOLLOW_LINKS);
        return true;
    }
}
