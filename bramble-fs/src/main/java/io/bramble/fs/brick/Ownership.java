package io.bramble.fs.brick;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileType;

/**
 * Who owns a new file and its exact permission bits, by the rules the kernel applies when a
 * process creates a file itself (inode_init_owner): the caller's uid; the parent's group when
 * the parent is set-gid, else the caller's; a directory made in a set-gid directory is set-gid
 * too; a non-member's set-gid bit on a group-executable file is dropped. No umask applies:
 * the client already masked the mode.
 */
record Ownership(int uid, int gid, int permissions) {
    static final int SET_GID = 02000;
    private static final int GROUP_EXECUTE = 00010;

    static Ownership forNew(Caller caller, int parentMode, int parentGid, int requestedMode,
            boolean directory) {
        boolean parentSetGid = (parentMode & SET_GID) != 0;
        int gid = parentSetGid ? parentGid : caller.gid();
        int permissions = requestedMode & FileType.PERMISSION_MASK;
        if (directory && parentSetGid) {
            permissions |= SET_GID;
        }
        if (!directory && (permissions & SET_GID) != 0 && (permissions & GROUP_EXECUTE) != 0
                && !caller.isRoot() && !caller.inGroup(gid)) {
            permissions &= ~SET_GID;
        }
        return new Ownership(caller.uid(), gid, permissions);
    }
}
