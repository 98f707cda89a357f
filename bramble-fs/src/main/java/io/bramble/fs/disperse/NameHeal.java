package io.bramble.fs.disperse;

import io.bramble.fs.heal.EntryHeal;
import io.bramble.fs.heal.XattrCopy;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.ChildSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Brings the names of a folder on children that missed changes of it back to what a listing
 * shows ({@link Listing}: the names at least D children hold): a name the child lacks is made
 * there with the same file id, type, permissions, owner and applications' xattrs (a folder
 * with everything in it, a regular file then rebuilt by {@link FragmentHeal}, a symlink with
 * its target), and a name it holds that fewer than D hold is removed from it (a folder with
 * everything in it). A name made or removed meanwhile by another (EEXIST, ENOENT) is taken as
 * done.
 *
 * <p>Not yet: a hard link made while a child was away is made there as a file of its own.
 */
final class NameHeal {
    private final ChildCalls children;
    private final int dataCount;
    private final FragmentHeal fragments;

    NameHeal(ChildCalls children, int dataCount, FragmentHeal fragments) {
        this.children = children;
        this.dataCount = dataCount;
        this.fragments = fragments;
    }

    /**
     * Heals the names of folder {@code dir} on each of {@code targets}, removing the names
     * fewer than D hold only when {@code remove}; returns how many names it made or removed.
     */
    int heal(FsPath dir, ChildSet targets, boolean remove) throws FsException {
        ChildAnswers<Map<String, Attr>> listings = children.call(children.all(), (child,
                ops) -> EntryHeal.names(ops, dir));
        if (listings.ok().size() < dataCount) {
            throw listings.failure("listing " + dir + " reached fewer than " + dataCount
                    + " children:");
        }
        Map<String, ChildSet> holders = new LinkedHashMap<>();
        Map<String, Attr> sources = new LinkedHashMap<>();
        // Attributes come from a child not healed here when one holds the name.
        ChildSet answered = listings.ok();
        for (ChildSet from : List.of(answered.minus(targets), answered.intersect(targets))) {
            for (int child : from.indexes()) {
                listings.value(child).forEach((name, attr) -> {
                    holders.merge(name, ChildSet.of(child), ChildSet::union);
                    sources.putIfAbsent(name, attr);
                });
            }
        }
        int changed = 0;
        for (int target : targets.intersect(listings.ok()).indexes()) {
            FileOps ops = children.child(target);
            for (Map.Entry<String, ChildSet> name : holders.entrySet()) {
                boolean listed = name.getValue().size() >= dataCount;
                boolean held = name.getValue().contains(target);
                FsPath path = dir.child(name.getKey());
                Attr source = sources.get(name.getKey());
                if (listed && !held && source != null) {
                    // Holders not healed here first, as for the attributes.
                    ChildSet from = name.getValue().minus(targets);
                    make(target, ops, path, source, from.isEmpty() ? name.getValue() : from);
                    changed++;
                } else if (!listed && held && remove) {
                    remove(ops, path, listings.value(target).get(name.getKey()));
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Makes {@code path} on child {@code target} as {@code attr} says it is on {@code from}. */
    private void make(int target, FileOps ops, FsPath path, Attr attr, ChildSet from)
            throws FsException {
        try {
            switch (attr.type()) {
                case DIRECTORY -> ops.mkdir(Caller.ROOT, path, attr.id(), attr.permissions());
                case REGULAR -> ops.release(ops.create(Caller.ROOT, path, attr.id(), attr
                        .permissions(), OpenFlags.RDWR | OpenFlags.CREAT | OpenFlags.EXCL)
                        .handle());
                case SYMLINK -> ops.symlink(Caller.ROOT, path, attr.id(), children.child(from
                        .minus(ChildSet.of(target)).first()).readlink(Caller.ROOT, path));
                default -> ops.mknod(Caller.ROOT, path, attr.id(), attr.mode(), attr.rdev());
            }
        } catch (FsException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
        }
        if (attr.type() != FileType.SYMLINK) {
            ops.setattr(Caller.ROOT, path, new SetAttr(OptionalInt.empty(), OptionalInt.of(attr
                    .uid()), OptionalInt.of(attr.gid()), OptionalLong.empty(), OptionalLong.of(
                            attr.atimeNs()),
                    OptionalLong.of(attr.mtimeNs())));
            copyXattrs(from.minus(ChildSet.of(target)).first(), ops, path);
        }
        if (attr.type() == FileType.DIRECTORY) {
            heal(path, ChildSet.of(target), true);
        } else if (attr.type() == FileType.REGULAR) {
            fragments.heal(path);
        }
    }

    /**
     * Gives the name just made the applications' xattrs of child {@code source}, which holds
     * it: a name made by a rename while the child was away keeps the xattrs it had, though
     * no mark on the file tells the heal of them.
     */
    private void copyXattrs(int source, FileOps ops, FsPath path) throws FsException {
        XattrCopy.copy(MetadataSource.applications(children.child(source).getattrXattrs(
                Caller.ROOT, path, "").xattrs()), MetadataSource.applications(ops
                        .getattrXattrs(
                                Caller.ROOT, path, "")
                        .xattrs()),
                ops, path);
    }

    /** Removes {@code path} from one child, a folder with everything in it. */
    private static void remove(FileOps ops, FsPath path, Attr attr) throws FsException {
        try {
            EntryHeal.removeTree(ops, path, attr, 0);
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }
}
