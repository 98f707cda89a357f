package io.bramble.fs.brick.profile;

/**
 * The file operations a brick serves, by Gluster's names and in the order of Gluster's list
 * of operations (which is how {@code volume profile} orders operations of equal share). A
 * listing is READDIRP, since each page carries the attributes of its names; a lookup that
 * brings the file's extended attributes along is LOOKUP, as in Gluster.
 */
public enum Fop {
    STAT, READLINK, MKNOD, MKDIR, UNLINK, RMDIR, SYMLINK, RENAME, LINK, OPEN, READ, WRITE, STATFS, FLUSH, FSYNC, SETXATTR, GETXATTR, REMOVEXATTR, CREATE, LOOKUP, SETATTR, FSETATTR, READDIRP, RELEASE, FALLOCATE, SEEK
}
