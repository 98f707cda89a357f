package io.bramble.fs.fuse;

import io.bramble.common.os.LinuxException;
import io.bramble.common.os.NativeCalls;
import java.lang.foreign.MemorySegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open /dev/fuse descriptor serving one mount. Non-blocking, so readers can wait with a
 * timeout and notice a stop; several threads may read and write it at once, since the
 * kernel hands each request to one reader and takes each reply in one write. Closing it
 * aborts the connection if the mount is still there.
 */
final class FuseDevice implements AutoCloseable {
    /** {@link #read}: no request is waiting. */
    static final int NOTHING = 0;
    /** {@link #read}: the file system was unmounted or aborted. */
    static final int GONE = -1;

    private static final Logger log = LoggerFactory.getLogger(FuseDevice.class);

    private final int fd;
    private boolean closed;

    FuseDevice(int fd) throws LinuxException {
        this.fd = fd;
        Libc.setNonBlocking(fd);
    }

    /** Reads one request into {@code buffer}: its length, {@link #NOTHING} or {@link #GONE}. */
    int read(MemorySegment buffer) throws LinuxException {
        long read = Libc.read(fd, buffer);
        if (read > 0) {
            return (int) read;
        }
        int errno = (int) -read;
        return switch (errno) {
            case Libc.EAGAIN, Libc.EINTR, Libc.ENOENT -> NOTHING;
            case Libc.ENODEV -> GONE;
            default -> throw new LinuxException("read /dev/fuse", errno);
        };
    }

    /** Waits up to {@code timeoutMs} for a request; returns early when one arrives. */
    void awaitRequest(int timeoutMs) throws LinuxException {
        Libc.pollIn(fd, timeoutMs);
    }

    /**
     * Sends one reply. ENOENT means the request was interrupted and the kernel stopped
     * waiting, ENODEV that the mount is gone: neither is anyone's error now.
     */
    void reply(byte[] bytes) {
        long written = Libc.write(fd, bytes);
        if (written >= 0 || written == -Libc.ENOENT || written == -Libc.ENODEV) {
            return;
        }
        log.warn("the kernel refused a reply of {} bytes: {}", bytes.length,
                NativeCalls.strerror((int) -written));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}
