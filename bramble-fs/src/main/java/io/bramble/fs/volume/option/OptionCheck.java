package io.bramble.fs.volume.option;

import io.bramble.fs.volume.VolumeSpec;
import java.util.Optional;

/** Whether a value suits an option on a given volume. */
@FunctionalInterface
public interface OptionCheck {
    /** What is wrong with {@code value} (to follow "expected" in a message); empty if fine. */
    Optional<String> problem(String value, VolumeSpec volume);
}
