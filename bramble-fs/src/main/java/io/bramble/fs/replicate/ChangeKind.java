package io.bramble.fs.replicate;

/** What a change touched, which decides the counter its pending marker and version count. */
public enum ChangeKind {
    /** File contents: write, truncate, fallocate, fsync. */
    DATA,
    /** Attributes and xattrs. */
    METADATA,
    /** The names in a directory: create, mkdir, unlink, rename and the like. */
    ENTRY
}
