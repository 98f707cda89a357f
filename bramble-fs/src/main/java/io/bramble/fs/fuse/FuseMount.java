package io.bramble.fs.fuse;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FileOps} mounted on a directory through the kernel's FUSE protocol. It is
 * served until someone unmounts it ({@code umount}, {@code fusermount3 -u}) or until
 * {@link #close()}, which unmounts it, lazily when files are still open, and stops the
 * threads. The caller keeps ownership of the {@link FileOps}.
 *
 * <pre>{@code
 * try (FuseMount mount = FuseMount.mount(Path.of("/mnt/vol"), "host:/vol", files,
 *         FuseOptions.defaults())) {
 *     mount.awaitUnmount();
 * }
 * }</pre>
 *
 * <p>A process that dies without closing leaves the mount dead ("Transport endpoint is not
 * connected") until {@code umount -l} clears it.
 */
public final class FuseMount implements AutoCloseable {
    /**
     * After a lazy unmount the kernel keeps the file system for the files still open; close
     * serves them this long, so a process finishing its writes is not cut off, then aborts.
     */
    static final long LAZY_UNMOUNT_GRACE_MS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(FuseMount.class);

    private final Path mountPoint;
    private final String source;
    private final Mounter mounter;
    private final FuseServer server;
    private final Negotiated negotiated;
    private final NodeTable nodes;
    private boolean closed;

    private FuseMount(Path mountPoint, String source, Mounter mounter, FuseServer server,
            Negotiated negotiated, NodeTable nodes) {
        this.mountPoint = mountPoint;
        this.source = source;
        this.mounter = mounter;
        this.server = server;
        this.negotiated = negotiated;
        this.nodes = nodes;
    }

    /**
     * Mounts {@code files} on {@code mountPoint}, which must be an existing directory, with
     * {@code source} (such as {@code host:/vol}) as what df and /proc/mounts show. Returns
     * once the kernel and bramble have agreed on the protocol.
     */
    public static FuseMount mount(Path mountPoint, String source, FileOps files,
            FuseOptions options) throws IOException {
        return mount(mountPoint, source, files, options, RequestTap.NONE);
    }

    static FuseMount mount(Path mountPoint, String source, FileOps files, FuseOptions options,
            RequestTap tap) throws IOException {
        return mount(mountPoint, source, files, options, Mounter.forThisProcess(), tap);
    }

    static FuseMount mount(Path mountPoint, String source, FileOps files, FuseOptions options,
            Mounter mounter, RequestTap tap) throws IOException {
        Path target = checkMountPoint(mountPoint);
        MountOptions.checkSource(source);
        Attr rootAttr = rootAttributes(files, source);
        int fd = mounter.mount(target, source, options);
        FuseDevice device = null;
        try {
            device = new FuseDevice(fd);
            Negotiated negotiated = FuseServer.handshake(device, options, tap);
            MountState state = new MountState(files, rootAttr, options);
            FuseServer server = new FuseServer(device, new RequestDispatcher(state), options,
                    tap);
            server.start();
            Readahead.widen(target, options.maxWriteBytes());
            log.info("mounted {} on {}: {}", source, target, negotiated);
            return new FuseMount(target, source, mounter, server, negotiated, state.nodes);
        } catch (IOException | RuntimeException e) {
            // Closing the device first aborts the connection, so the unmount cannot hang.
            if (device != null) {
                device.close();
            } else {
                Libc.close(fd);
            }
            unmountQuietly(mounter, target);
            throw e;
        }
    }

    public Path mountPoint() {
        return mountPoint;
    }

    public String source() {
        return source;
    }

    /** The protocol settled with the kernel, for logs: minor version, max_write, capabilities. */
    public String protocol() {
        return negotiated.toString();
    }

    /** Nodes the kernel holds lookups on, the root included: what forgetting frees. */
    int nodesKnown() {
        return nodes.size();
    }

    /** Whether the file system is still served (not yet unmounted or closed). */
    public boolean isMounted() {
        return !server.hasEnded();
    }

    /** Waits until the file system is unmounted, by anyone. */
    public void awaitUnmount() throws InterruptedException {
        server.awaitEnd();
    }

    /** Waits up to {@code timeout} for the unmount; false when it is still mounted. */
    public boolean awaitUnmount(Duration timeout) throws InterruptedException {
        return server.awaitEnd(timeout.toMillis());
    }

    /**
     * Unmounts and stops serving; idempotent. With files still open the unmount is lazy:
     * the name disappears at once, and the open files are served for up to
     * {@value #LAZY_UNMOUNT_GRACE_MS} ms more, after which they fail with ENOTCONN.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        if (!server.hasEnded()) {
            try {
                mounter.unmount(mountPoint);
            } catch (IOException e) {
                failure = e;
            }
        }
        try {
            server.awaitEnd(LAZY_UNMOUNT_GRACE_MS);
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Path checkMountPoint(Path mountPoint) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(mountPoint, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException("mount point " + mountPoint + " does not exist");
        } catch (IOException e) {
            throw new IOException("mount point " + mountPoint + " cannot be reached ("
                    + e.getMessage() + "); a dead mount there is cleared by umount -l", e);
        }
        if (!attributes.isDirectory()) {
            throw new IOException("mount point " + mountPoint + " is not a directory");
        }
        return mountPoint.toRealPath();
    }

    private static Attr rootAttributes(FileOps files, String source) throws IOException {
        try {
            Attr root = files.getattr(Caller.ROOT, FsPath.ROOT);
            if (!root.isDirectory()) {
                throw new IOException("the root of " + source + " is not a directory");
            }
            return root;
        } catch (FsException e) {
            throw new IOException("cannot read the root of " + source + ": " + e.getMessage(),
                    e);
        }
    }

    private static void unmountQuietly(Mounter mounter, Path target) {
        try {
            mounter.unmount(target);
        } catch (IOException e) {
            log.warn("could not unmount {} after a failed mount: {}", target, e.getMessage());
        }
    }
}
