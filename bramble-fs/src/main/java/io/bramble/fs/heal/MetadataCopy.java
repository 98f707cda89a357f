package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.PendingCounters;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

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

    private static long xattrs(FileOps source, FileOps sink, FsPath path) throws FsException {
        long changes = 0;
        Set<String> kept = new HashSet<>();
        for (String name : copied(source.listxattr(Caller.ROOT, path))) {
            byte[] value = valueOrNull(source, path, name);
            if (value == null) {
                continue;
            }
            kept.add(name);
            if (!Arrays.equals(value, valueOrNull(sink, path, name))) {
                sink.setxattr(Caller.ROOT, path, name, value, 0);
                changes++;
            }
        }
        for (String name : copied(sink.listxattr(Caller.ROOT, path))) {
            if (!kept.contains(name)) {
                sink.removexattr(Caller.ROOT, path, name);
                changes++;
            }
        }
        return changes;
    }

    /** All but the marks, which the heal clears itself, and the id, which is the copy's own. */
    private static List<String> copied(List<String> names) {
        return names.stream().filter(n -> !n.startsWith(PendingCounters.PREFIX) && !n.equals(
                ID) && !n.equals(ChangeStamps.STAMP)).toList();
    }

    private static byte[] valueOrNull(FileOps copy, FsPath path, String name)
            throws FsException {
        try {
            return copy.getxattr(Caller.ROOT, path, name);
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) {
                return null;
            }
            throw e;
        }
    }
}
