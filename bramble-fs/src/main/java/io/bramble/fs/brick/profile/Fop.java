package io.bramble.fs.brick.profile;

/**
 * The file operations a brick serves, by Gluster's names and in the order of Gluster's list
 * of operations (which is how {@code volume profile} orders operations of equal share). A
 * listing is READDIRP, since each page carries the attributes of its names; a lookup that
 * brings the file's extended attributes along is LOOKUP, as in Gluster.
 */
public enum Fop {
    /** Attributes of a path (getattr). */
    STAT,
    /** A symbolic link's target. */
    READLINK,
    /** A device, fifo or socket made. */
    MKNOD,
    /** A folder made. */
    MKDIR,
    /** A name removed. */
    UNLINK,
    /** A folder removed. */
    RMDIR,
    /** A symbolic link made. */
    SYMLINK,
    /** A name moved. */
    RENAME,
    /** A hard link made. */
    LINK,
    /** A file opened, with or without its extended attributes. */
    OPEN,
    /** Data read through an open file. */
    READ,
    /** Data written through an open file. */
    WRITE,
    /** The brick's space. */
    STATFS,
    /** A close(2) on a client. */
    FLUSH,
    /** Data (and attributes) made durable. */
    FSYNC,
    /** An extended attribute set. */
    SETXATTR,
    /** An extended attribute read, or their names listed. */
    GETXATTR,
    /** An extended attribute removed. */
    REMOVEXATTR,
    /** A file made and opened. */
    CREATE,
    /** Attributes with the extended attributes replicate reads. */
    LOOKUP,
    /** Attributes of a path changed. */
    SETATTR,
    /** Attributes changed through an open file. */
    FSETATTR,
    /** A page of a listing, with its entries' attributes. */
    READDIRP,
    /** An open file closed on the brick. */
    RELEASE,
    /** Space given to or taken from a file. */
    FALLOCATE,
    /** The next data or hole of a file (lseek). */
    SEEK
}
