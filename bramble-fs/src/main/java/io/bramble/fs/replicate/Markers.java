package io.bramble.fs.replicate;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.Map;

/**
 * Reads and writes one copy's {@link PendingCounters} markers and {@link FileVersion}. A
 * counter is read, raised and written back: the calls of {@link FileOps} have no atomic add,
 * so two clients raising one counter at once may count one change instead of two, which
 * still leaves it non-zero, and non-zero is what blames.
 */
final class Markers {
    private final int replicaCount;

    Markers(int replicaCount) {
        this.replicaCount = replicaCount;
    }

    /**
     * The children the copy of {@code path} on {@code copy} blames, read with its attributes
     * in one call. A marker that cannot be read blames its child: doubt keeps reads away from
     * a copy, never towards it.
     */
    ChildSet read(FileOps copy, FsPath path) throws FsException {
        return blamed(copy.getattrXattrs(Caller.ROOT, path, PendingCounters.PREFIX).xattrs());
    }

    /** The children a copy's markers blame, from its xattrs named {@link PendingCounters}. */
    ChildSet blamed(Map<String, byte[]> xattrs) {
        return PendingCounters.blamed(xattrs, replicaCount);
    }

    /**
     * Counts one missed change of {@code kind} against each child in {@code blamed} on
     * {@code copy}'s markers, and one change in its version when {@code countVersion}. All or
     * nothing as far as it can: when one xattr fails, the ones already raised are lowered
     * again, so that a failure reported to the caller leaves no blame behind.
     */
    void record(FileOps copy, FsPath path, ChildSet blamed, ChangeKind kind,
            boolean countVersion) throws FsException {
        ChildSet raised = ChildSet.NONE;
        try {
            for (int child : blamed.indexes()) {
                String name = PendingCounters.name(child);
                PendingCounters counters = readOr(copy, path, name, PendingCounters.ZERO,
                        PendingCounters::decode);
                copy.setxattr(Caller.ROOT, path, name, counters.plus(kind).encode(), 0);
                raised = raised.with(child);
            }
            if (countVersion) {
                FileVersion version = readOr(copy, path, FileVersion.NAME, FileVersion.ZERO,
                        FileVersion::decode);
                copy.setxattr(Caller.ROOT, path, FileVersion.NAME, version.plus(kind).encode(),
                        0);
            }
        } catch (FsException e) {
            try {
                unrecord(copy, path, raised, kind, false);
            } catch (FsException again) {
                // The copy is away; what it kept is a false blame self-heal will clear.
            }
            throw e;
        }
    }

    /**
     * Takes back what {@link #record} counted, for a change that was refused: blame written
     * before it is known that nobody will be told of success must not stay, or copies that
     * missed nothing acknowledged would pile up blame until none was left fresh.
     */
    void unrecord(FileOps copy, FsPath path, ChildSet blamed, ChangeKind kind,
            boolean uncountVersion) throws FsException {
        for (int child : blamed.indexes()) {
            String name = PendingCounters.name(child);
            PendingCounters counters = readOr(copy, path, name, PendingCounters.ZERO,
                    PendingCounters::decode);
            copy.setxattr(Caller.ROOT, path, name, counters.minus(kind).encode(), 0);
        }
        if (uncountVersion) {
            FileVersion version = readOr(copy, path, FileVersion.NAME, FileVersion.ZERO,
                    FileVersion::decode);
            copy.setxattr(Caller.ROOT, path, FileVersion.NAME, version.minus(kind).encode(),
                    0);
        }
    }

    private interface Decoder<T> {
        T decode(byte[] value);
    }

    private static <T> T readOr(FileOps copy, FsPath path, String name, T zero,
            Decoder<T> decoder) throws FsException {
        try {
            return decoder.decode(copy.getxattr(Caller.ROOT, path, name));
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) {
                return zero;
            }
            throw e;
        } catch (IllegalArgumentException e) {
            return zero;
        }
    }
}
