package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.PendingCounters;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Gives a copy the source's owner, group, permissions, times and extended attributes: those
 * of applications and bramble's own (version, distribute's layout of a folder and pointer to
 * the file's subvolume), never the marks, which the heal clears itself, nor the id.
 */
final class MetadataCopy {
    private static final String ID = "trusted.bramble.id";

    private MetadataCopy() {
    }

    /** @return the changes made to the sink's file, as its brick counts them */
    static long copy(FileOps source, FileOps sink, FsPath path, Attr attr) throws FsException {
        long changes = 0;
        boolean link = FileType.of(attr.mode()) == FileType.SYMLINK;
        OptionalInt permissions = link
                ? OptionalInt.empty()
                : OptionalInt.of(attr.mode() & FileType.PERMISSION_MASK);
        SetAttr set = new SetAttr(permissions, OptionalInt.of(attr.uid()), OptionalInt.of(attr
                .gid()), OptionalLong.empty(), OptionalLong.of(attr.atimeNs()), OptionalLong.of(
                        attr.mtimeNs()));
        changes += xattrs(source, sink, path);
        sink.setattr(Caller.ROOT, path, set);
        return changes + 1;
    }

    /** {@link XattrCopy#copy}, each copy's xattrs read in one call. */
    private static long xattrs(FileOps source, FileOps sink, FsPath path) throws FsException {
        Map<String, byte[]> wanted = copied(source.getattrXattrs(Caller.ROOT, path, "")
                .xattrs());
        Map<String, byte[]> held = copied(sink.getattrXattrs(Caller.ROOT, path, "").xattrs());
        return XattrCopy.copy(wanted, held, sink, path);
    }

    /** All but the marks, which the heal clears itself, and the id, which is the copy's own. */
    private static Map<String, byte[]> copied(Map<String, byte[]> xattrs) {
        Map<String, byte[]> kept = new TreeMap<>(xattrs);
        kept.keySet().removeIf(n -> n.startsWith(PendingCounters.PREFIX) || n.equals(ID) || n
                .equals(ChangeStamps.STAMP));
        return kept;
    }
}
