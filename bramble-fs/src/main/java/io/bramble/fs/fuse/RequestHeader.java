package io.bramble.fs.fuse;

import io.bramble.fs.ops.Caller;

/**
 * {@code struct fuse_in_header}: what every request starts with. The uid and gid are the
 * caller's file-system credentials as the kernel saw them; pid may be 0 when the caller
 * lives in another pid namespace.
 *
 * @param lengthBytes the whole request, header included
 * @param unique the request's number, echoed by its reply
 * @param nodeId the node the request is about (1 is the root)
 * @param extensionBytes the extensions at the end of the request, not part of the body
 */
record RequestHeader(
        int lengthBytes,
        int opcode,
        long unique,
        long nodeId,
        int uid,
        int gid,
        int pid,
        int extensionBytes) {
    static final int SIZE_BYTES = 40;

    /** The caller without supplementary groups; creates look those up when they need them. */
    Caller caller() {
        return new Caller(uid, gid, new int[0], pid);
    }
}
