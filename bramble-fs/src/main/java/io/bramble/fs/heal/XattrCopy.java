package io.bramble.fs.heal;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.Arrays;
import java.util.Map;

/**
 * Brings the xattrs a heal copies of one file on a sink to those of its source: each whose
 * value differs is set, each the source lacks is removed. The caller chooses which xattrs are
 * copied by what it puts in both maps (a replica copies bramble's own too, a disperse
 * fragment only the applications').
 */
public final class XattrCopy {
    private XattrCopy() {
    }

    /**
     * @param wanted the source's copied xattrs
     * @param held the sink's copied xattrs, as read before
     * @return the changes made to the sink's file, as its brick counts them
     */
    public static long copy(Map<String, byte[]> wanted, Map<String, byte[]> held, FileOps sink,
            FsPath path) throws FsException {
        long changes = 0;
        for (Map.Entry<String, byte[]> entry : wanted.entrySet()) {
            if (!Arrays.equals(entry.getValue(), held.get(entry.getKey()))) {
                sink.setxattr(Caller.ROOT, path, entry.getKey(), entry.getValue(), 0);
                changes++;
            }
        }
        for (String name : held.keySet()) {
            if (!wanted.containsKey(name)) {
                try {
                    sink.removexattr(Caller.ROOT, path, name);
                    changes++;
                } catch (FsException e) {
                    if (e.errno() != Errno.ENODATA) {
                        throw e;
                    }
                }
            }
        }
        return changes;
    }
}
