package io.bramble.fs.distribute;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads one directory over every subvolume, as Gluster's {@code rebalance fix-layout} does:
 * makes its copy where it is missing, then writes on each copy a layout of equal ranges over
 * all subvolumes, each range kept by the subvolume that owned most of it ({@link Respread}),
 * so that a rebalance moves as few files as can be. New names then spread over every
 * subvolume; names placed under the old layout stay where they are, and lookups that miss on
 * the hashed subvolume find them on the others. A client reads the new layout once its cached
 * one expires.
 *
 * <p>Subvolumes being removed get no range and no new copy ({@code remove-brick start}'s
 * walk), and the layout written then is the one the directory's id calls for over the others:
 * meanwhile clients ignore a layout that gives a range to a subvolume being removed and
 * compute that one ({@link Layouts}).
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
        boolean draining = false;
        for (int i = 0; i < subvolumes.count(); i++) {
            if (subvolumes.placeable(i)) {
                placeable.add(i);
            }
            draining |= subvolumes.decommissioned(i);
        }
        List<String> names = subvolumes.placeableNames();
        // read before the new copies are made: a copy without a layout would get a default one
        Layout before = draining ? null : layouts.of(dir);
        for (int i : placeable) {
            copies.make(i, dir, 0);
        }
        int rotation = Layout.rotation(located.attr().id(), names.size());
        Layout layout = draining
                ? Layout.spread(names, rotation)
                : Respread.keepingMostOf(before, names, rotation);
        for (int i : placeable) {
            layouts.write(i, dir, layout, 0);
        }
        layouts.remember(dir, layout);
    }
}
