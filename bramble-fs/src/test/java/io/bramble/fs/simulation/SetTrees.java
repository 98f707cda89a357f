package io.bramble.fs.simulation;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one copy of a replica set holds, for comparing copies after a heal: each path's type,
 * id, permissions, owner, size, data (or link target) and whether a pending mark is set. Times
 * are left out: each copy stamps changes with its own clock.
 */
final class SetTrees {
    private SetTrees() {
    }

    static Map<String, String> of(FileOps copy) throws FsException {
        Map<String, String> tree = new TreeMap<>();
        walk(copy, FsPath.ROOT, tree, true);
        return tree;
    }

    /**
     * What an arbiter holds as well as a copy with data: each path's type, id, permissions
     * and owner, without sizes or data.
     */
    static Map<String, String> shapes(FileOps copy) throws FsException {
        Map<String, String> tree = new TreeMap<>();
        for (String path : paths(copy)) {
            Attr attr = copy.getattr(Caller.ROOT, FsPath.parse(path));
            tree.put(path, attr.id() + " " + Integer.toOctalString(attr.mode()) + " "
                    + attr.uid() + ":" + attr.gid());
        }
        return tree;
    }

    /** The paths a copy holds, found by listing alone (no file is read). */
    static java.util.Set<String> paths(FileOps copy) throws FsException {
        Map<String, String> tree = new TreeMap<>();
        walk(copy, FsPath.ROOT, tree, false);
        return tree.keySet();
    }

    private static void walk(FileOps copy, FsPath dir, Map<String, String> tree, boolean read)
            throws FsException {
        tree.put(dir.toString(), read ? describe(copy, dir, copy.getattr(Caller.ROOT, dir)) : "");
        String after = null;
        while (true) {
            var page = copy.readdir(Caller.ROOT, dir, after, 1024);
            for (DirEntry entry : page.entries()) {
                FsPath path = dir.child(entry.name());
                Attr attr = entry.attr();
                if (FileType.of(attr.mode()) == FileType.DIRECTORY) {
                    walk(copy, path, tree, read);
                } else {
                    tree.put(path.toString(),
                            read ? describe(copy, path, copy.getattr(Caller.ROOT, path)) : "");
                }
            }
            if (page.complete() || page.entries().isEmpty()) {
                return;
            }
            after = page.lastName();
        }
    }

    private static String describe(FileOps copy, FsPath path, Attr attr) throws FsException {
        StringBuilder text = new StringBuilder().append(attr.id()).append(' ').append(Integer
                .toOctalString(attr.mode())).append(' ').append(attr.uid()).append(':').append(
                        attr.gid())
                .append(' ').append(attr.sizeBytes());
        FileType type = FileType.of(attr.mode());
        if (type == FileType.REGULAR) {
            Opened opened = copy.open(Caller.ROOT, path, OpenFlags.RDONLY);
            try {
                byte[] data = copy.read(opened.handle(), 0, (int) Math.min(attr.sizeBytes(),
                        1 << 20));
                text.append(" data ").append(Arrays.hashCode(data));
            } finally {
                copy.release(opened.handle());
            }
        } else if (type == FileType.SYMLINK) {
            text.append(" -> ").append(copy.readlink(Caller.ROOT, path));
        }
        return text.toString();
    }
}
