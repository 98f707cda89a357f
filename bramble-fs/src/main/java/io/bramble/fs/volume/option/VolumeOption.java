package io.bramble.fs.volume.option;

import io.bramble.fs.volume.VolumeSpec;
import java.util.function.Function;

/**
 * One option of the table.
 *
 * @param name the full name, as Gluster spells it ({@code network.ping-timeout})
 * @param defaultValue the value a volume has until it is set; may depend on the volume
 * @param check what values it takes
 * @param description one line for {@code volume set help} and the docs
 * @param inEffect whether bramble acts on it now; the others are recorded and shown, and the
 *     parts of the file system that honour them read them when they arrive
 */
public record VolumeOption(String name, Function<VolumeSpec, String> defaultValue,
        OptionCheck check, String description, boolean inEffect) {
    /** The short name Gluster also accepts: the part after the first dot. */
    public String key() {
        return name.substring(name.indexOf('.') + 1);
    }
}
