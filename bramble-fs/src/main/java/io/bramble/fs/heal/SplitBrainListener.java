package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FsPath;
import java.util.List;

/** Told of each file in split-brain that the volume's favorite-child policy settled. */
@FunctionalInterface
public interface SplitBrainListener {
    /** Tells nobody. */
    SplitBrainListener NONE = (path, source, copies) -> {
    };

    /**
     * @param source the copy the others were healed from
     * @param copies every copy's attributes before the heal, in the set's order: what the
     *     other copies held is gone from them now
     */
    void settled(FsPath path, int source, List<Attr> copies);
}
