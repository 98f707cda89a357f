package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseRequest.SetAttributes;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.SetAttr;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Decodes {@code struct fuse_setattr_in} into the {@link SetAttr} the layers understand:
 * the {@code valid} bits say which fields mean something. Changes to ctime and the lock
 * owner are dropped: the layers keep ctime themselves and bramble does no locking.
 */
final class SetAttrDecoder {
    static final int MODE = 1;
    static final int UID = 1 << 1;
    static final int GID = 1 << 2;
    static final int SIZE = 1 << 3;
    static final int ATIME = 1 << 4;
    static final int MTIME = 1 << 5;
    static final int FH = 1 << 6;
    static final int ATIME_NOW = 1 << 7;
    static final int MTIME_NOW = 1 << 8;

    private static final long NS_PER_SECOND = 1_000_000_000L;

    private SetAttrDecoder() {
    }

    static SetAttributes decode(BodyReader in) throws MalformedRequestException {
        int valid = in.u32();
        in.skip(4);
        long handle = in.u64();
        long size = in.u64();
        in.skip(8); // lock_owner
        long atimeSeconds = in.u64();
        long mtimeSeconds = in.u64();
        in.skip(8); // ctime
        int atimeNanos = in.u32();
        int mtimeNanos = in.u32();
        in.skip(4); // ctimensec
        int mode = in.u32();
        in.skip(4);
        int uid = in.u32();
        int gid = in.u32();
        SetAttr changes = new SetAttr(
                (valid & MODE) != 0
                        ? OptionalInt.of(mode & FileType.PERMISSION_MASK)
                        : OptionalInt.empty(),
                (valid & UID) != 0 ? OptionalInt.of(uid) : OptionalInt.empty(),
                (valid & GID) != 0 ? OptionalInt.of(gid) : OptionalInt.empty(),
                (valid & SIZE) != 0 ? OptionalLong.of(size) : OptionalLong.empty(),
                time(valid, ATIME, ATIME_NOW, atimeSeconds, atimeNanos),
                time(valid, MTIME, MTIME_NOW, mtimeSeconds, mtimeNanos));
        return new SetAttributes(changes, (valid & FH) != 0
                ? OptionalLong.of(handle)
                : OptionalLong.empty());
    }

    private static OptionalLong time(int valid, int setBit, int nowBit, long seconds,
            int nanos) {
        if ((valid & nowBit) != 0) {
            return OptionalLong.of(SetAttr.NOW);
        }
        if ((valid & setBit) == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(nanosSinceEpoch(seconds, Integer.toUnsignedLong(nanos)));
    }

    /** Seconds and nanoseconds as one count of nanoseconds, saturated at the long's range. */
    static long nanosSinceEpoch(long seconds, long nanos) {
        long limit = Long.MAX_VALUE / NS_PER_SECOND - 1;
        if (seconds > limit) {
            return Long.MAX_VALUE;
        }
        if (seconds < -limit) {
            return Long.MIN_VALUE + 1; // Long.MIN_VALUE itself means "now"
        }
        return seconds * NS_PER_SECOND + nanos;
    }
}
