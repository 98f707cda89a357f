package io.bramble.fs.fuse;

/**
 * The request opcodes of the kernel's FUSE protocol ({@code enum fuse_opcode} in
 * {@code include/uapi/linux/fuse.h}). Only the ones bramble answers are named; every other
 * opcode is answered with ENOSYS.
 */
final class FuseOpcode {
    private FuseOpcode() {
    }

    static final int LOOKUP = 1;
    static final int FORGET = 2;
    static final int GETATTR = 3;
    static final int SETATTR = 4;
    static final int READLINK = 5;
    static final int SYMLINK = 6;
    static final int MKNOD = 8;
    static final int MKDIR = 9;
    static final int UNLINK = 10;
    static final int RMDIR = 11;
    static final int RENAME = 12;
    static final int LINK = 13;
    static final int OPEN = 14;
    static final int READ = 15;
    static final int WRITE = 16;
    static final int STATFS = 17;
    static final int RELEASE = 18;
    static final int FSYNC = 20;
    static final int SETXATTR = 21;
    static final int GETXATTR = 22;
    static final int LISTXATTR = 23;
    static final int REMOVEXATTR = 24;
    static final int FLUSH = 25;
    static final int INIT = 26;
    static final int OPENDIR = 27;
    static final int READDIR = 28;
    static final int RELEASEDIR = 29;
    static final int FSYNCDIR = 30;
    static final int ACCESS = 34;
    static final int CREATE = 35;
    static final int INTERRUPT = 36;
    static final int DESTROY = 38;
    static final int BATCH_FORGET = 42;
    static final int FALLOCATE = 43;
    static final int READDIRPLUS = 44;
    static final int RENAME2 = 45;
    static final int LSEEK = 46;

    /** A name for logs, such as {@code LOOKUP}; the number for opcodes bramble does not know. */
    static String name(int opcode) {
        return switch (opcode) {
            case LOOKUP -> "LOOKUP";
            case FORGET -> "FORGET";
            case GETATTR -> "GETATTR";
            case SETATTR -> "SETATTR";
            case READLINK -> "READLINK";
            case SYMLINK -> "SYMLINK";
            case MKNOD -> "MKNOD";
            case MKDIR -> "MKDIR";
            case UNLINK -> "UNLINK";
            case RMDIR -> "RMDIR";
            case RENAME -> "RENAME";
            case LINK -> "LINK";
            case OPEN -> "OPEN";
            case READ -> "READ";
            case WRITE -> "WRITE";
            case STATFS -> "STATFS";
            case RELEASE -> "RELEASE";
            case FSYNC -> "FSYNC";
            case SETXATTR -> "SETXATTR";
            case GETXATTR -> "GETXATTR";
            case LISTXATTR -> "LISTXATTR";
            case REMOVEXATTR -> "REMOVEXATTR";
            case FLUSH -> "FLUSH";
            case INIT -> "INIT";
            case OPENDIR -> "OPENDIR";
            case READDIR -> "READDIR";
            case RELEASEDIR -> "RELEASEDIR";
            case FSYNCDIR -> "FSYNCDIR";
            case ACCESS -> "ACCESS";
            case CREATE -> "CREATE";
            case INTERRUPT -> "INTERRUPT";
            case DESTROY -> "DESTROY";
            case BATCH_FORGET -> "BATCH_FORGET";
            case FALLOCATE -> "FALLOCATE";
            case READDIRPLUS -> "READDIRPLUS";
            case RENAME2 -> "RENAME2";
            case LSEEK -> "LSEEK";
            default -> "opcode " + opcode;
        };
    }
}
