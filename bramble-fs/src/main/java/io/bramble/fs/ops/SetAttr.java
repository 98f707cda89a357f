package io.bramble.fs.ops;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The changes of one {@code setattr}: each field is empty when unchanged. A time of
 * {@link #NOW} means the server's current time ({@code UTIME_NOW}).
 */
public record SetAttr(
        OptionalInt permissions,
        OptionalInt uid,
        OptionalInt gid,
        OptionalLong sizeBytes,
        OptionalLong atimeNs,
        OptionalLong mtimeNs) {
    /** Stands for "the current time" in {@link #atimeNs} and {@link #mtimeNs}. */
    public static final long NOW = Long.MIN_VALUE;

    public static final SetAttr NONE = new SetAttr(OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty());

    public static SetAttr truncate(long size) {
        return new SetAttr(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalLong.of(size), OptionalLong.empty(), OptionalLong.empty());
    }

    public static SetAttr chmod(int permissions) {
        return new SetAttr(OptionalInt.of(permissions), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty());
    }
}
