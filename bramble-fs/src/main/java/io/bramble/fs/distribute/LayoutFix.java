package io.bramble.fs.distribute;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads one directory over every subvolume, as Gluster's {@code rebalance fix-layout} does:
 * makes its copy where it is missing, then writes on each copy the layout its id calls for
 * over all subvolumes. New names then spread over every subvolume; names placed under the
 * old layout stay where they are, and lookups that miss on the hashed subvolume find them on
 * the others. A client reads the new layout once its cached one expires. Subvolumes being
 * removed get no range and no new copy ({@code remove-brick start}'s walk).
 */
final class LayoutFix {
    private final Subvolumes subvolumes;
    private final Locator locator;
    private final Layouts layouts;
    private final DirectoryCopies copies;

    LayoutFix(Subvolumes subvolumes, Locator locator, Layouts layouts, DirectoryCopies copies) {
        this.subvolumes = subvolumes;
        this.locator = locator;
        this.layouts = layouts;
        this.copies = copies;
    }

    /** Spreads {@code dir} over the subvolumes there are now, but those being removed. */
    void fix(FsPath dir) throws FsException {
        Located located = locator.locate(Caller.ROOT, dir);
        if (!located.isDirectory()) {
            throw new FsException(Errno.ENOTDIR, dir.toString());
        }
        List<Integer> placeable = new ArrayList<>();
        for (int i = 0; i < subvolumes.count(); i++) {
            if (subvolumes.placeable(i)) {
                placeable.add(i);
            }
        }
        for (int i : placeable) {
            copies.make(i, dir, 0);
        }
        Layout layout = Layout.forDirectory(located.attr().id(), subvolumes.placeableNames());
        for (int i : placeable) {
            layouts.write(i, dir, layout, 0);
        }
        layouts.remember(dir, layout);
    }
}
