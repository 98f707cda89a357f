package io.bramble.fs.fuse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives a descriptor sent over a Unix socket with SCM_RIGHTS, as fusermount3 sends the
 * /dev/fuse descriptor it opened. The received descriptor is close-on-exec.
 */
final class DescriptorPassing {
    /** struct msghdr on LP64: name, namelen, iov, iovlen, control, controllen, flags. */
    private static final long MSGHDR_BYTES = 56;
    private static final long IOV_OFFSET = 16;
    private static final long IOVLEN_OFFSET = 24;
    private static final long CONTROL_OFFSET = 32;
    private static final long CONTROLLEN_OFFSET = 40;
    /** struct cmsghdr: cmsg_len (size_t), cmsg_level, cmsg_type, then the data. */
    private static final long CMSG_LEVEL_OFFSET = 8;
    private static final long CMSG_TYPE_OFFSET = 12;
    private static final long CMSG_DATA_OFFSET = 16;
    /** CMSG_SPACE(sizeof(int)) is 24; a larger buffer costs nothing. */
    private static final long CONTROL_BYTES = 64;

    private DescriptorPassing() {
    }

    /** The descriptor the peer sent, or an exception when it closed without sending one. */
    static int receive(int socket) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(8);
            MemorySegment iov = arena.allocate(16, 8);
            iov.set(ADDRESS, 0, data);
            iov.set(JAVA_LONG, 8, data.byteSize());
            MemorySegment control = arena.allocate(CONTROL_BYTES, 8);
            MemorySegment message = arena.allocate(MSGHDR_BYTES, 8);
            message.set(ADDRESS, IOV_OFFSET, iov);
            message.set(JAVA_LONG, IOVLEN_OFFSET, 1);
            message.set(ADDRESS, CONTROL_OFFSET, control);
            message.set(JAVA_LONG, CONTROLLEN_OFFSET, CONTROL_BYTES);
            long received = Libc.recvmsg(socket, message, Libc.MSG_CMSG_CLOEXEC);
            long controlLength = message.get(JAVA_LONG, CONTROLLEN_OFFSET);
            if (received == 0 || controlLength < CMSG_DATA_OFFSET + Integer.BYTES
                    || control.get(JAVA_INT, CMSG_LEVEL_OFFSET) != Libc.SOL_SOCKET
                    || control.get(JAVA_INT, CMSG_TYPE_OFFSET) != Libc.SCM_RIGHTS) {
                throw new LinuxException("no descriptor came over the socket", Libc.EINVAL);
            }
            return control.get(JAVA_INT, CMSG_DATA_OFFSET);
        }
    }
}
