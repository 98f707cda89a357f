package io.bramble.fs.volume.text;

import io.bramble.fs.volume.VolumeSpec;
import java.util.List;

/** {@code volume list}: one name a line, or Gluster's line for none. */
public final class VolumeListText {
    public static final String NONE = "No volumes present in cluster\n";

    private VolumeListText() {
    }

    public static String render(List<VolumeSpec> volumes) {
        if (volumes.isEmpty()) {
            return NONE;
        }
        StringBuilder out = new StringBuilder();
        volumes.forEach(v -> out.append(v.name()).append('\n'));
        return out.toString();
    }
}
