package io.bramble.pool.identity;

import io.bramble.common.check.Checks;
import io.bramble.common.error.UserError;
import io.bramble.common.os.Folders;
import io.bramble.pool.tls.Pem;
import io.bramble.pool.tls.PoolAuthority;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A node's state directory ({@code /var/lib/bramble} by default): its UUID, its key, its pool
 * membership, the Raft log and snapshots of the cluster store, and the local CLI's socket.
 * Only its owner and root may enter it (mode 0700). One node at a time holds it (a lock file).
 *
 * <pre>
 * node-id            the node's UUID, made at first start
 * node-key.pem       the node's private key
 * node-cert.pem      its certificate: self-signed until it joins a pool, then the pool's
 * pool/              present while the node belongs to a pool: pool-id, ca-cert.pem, ca-key.pem
 * raft/              the cluster store's Raft log and snapshots
 * cli.sock           the local CLI's Unix socket
 * listen-port        the management port the node last listened on: this machine's clients
 *                    reach members named without a port on it, as probes do
 * </pre>
 */
public final class StateDir implements AutoCloseable {
    /** Bytes written and synced at start to prove the disk takes writes. */
    private static final int PROBE_BYTES = 64 * 1024;
    private static final String LISTEN_PORT_FILE = "listen-port";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating it when missing) and locks the directory, or fails saying why. */
    public static StateDir open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            probeWrite(root);
            FileChannel channel = FileChannel.open(root.resolve("lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw UserError.usage("state directory " + root + " is in use by another"
                        + " bramble node; give each node its own --state-dir");
            }
            return new StateDir(root, channel, lock);
        } catch (IOException e) {
            throw unusable(root, e);
        }
    }

    private static void probeWrite(Path root) throws IOException {
        Path probe = root.resolve(".write-test");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.allocate(PROBE_BYTES));
            channel.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static UserError unusable(Path root, IOException e) {
        return new UserError(UserError.EXIT_RUNTIME, unusableMessage(root, e), e);
    }

    /** The one line for a state directory that cannot be made, locked or written. */
    static String unusableMessage(Path root, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null
                ? fs.getReason()
                : String.valueOf(e.getMessage());
        String where = "state directory " + root;
        if (e instanceof AccessDeniedException) {
            return where + " is not writable (permission denied); give a writable directory"
                    + " with --state-dir, or run as its owner or root";
        }
        if (e instanceof FileAlreadyExistsException || reason.equals("Not a directory")) {
            return where + " is not a directory (a file is in its place or on its path);"
                    + " give another with --state-dir";
        }
        if (reason.equals("No space left on device") || reason.equals("Disk quota exceeded")) {
            return where + " is on a full disk (" + reason + "); free some space there, or"
                    + " give a directory on another disk with --state-dir";
        }
        if (reason.equals("Read-only file system")) {
            return where + " is on a read-only file system; give a writable directory with"
                    + " --state-dir";
        }
        return where + " is not writable (" + reason + "); give a writable directory with"
                + " --state-dir";
    }

    /**
     * Fails, saying what to do, when the disk holding the directory has less than
     * {@code bytes} free for this node's user.
     */
    public void requireFree(long bytes) {
        long free;
        try {
            free = Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            throw unusable(root, e);
        }
        if (free < bytes) {
            throw new UserError(UserError.EXIT_RUNTIME, "state directory " + root + " is on a"
                    + " nearly full disk (" + free / 1024 + " KiB free, a node needs "
                    + bytes / (1024 * 1024) + " MiB); free some space there, or give a"
                    + " directory on another disk with --state-dir");
        }
    }

    public Path root() {
        return root;
    }

    public Path raftDir() {
        return root.resolve("raft");
    }

    public Path socket() {
        return socketOf(root);
    }

    /** Where the node whose state directory is {@code dir} listens for the local CLI. */
    public static Path socketOf(Path dir) {
        return dir.toAbsolutePath().normalize().resolve("cli.sock");
    }

    /** Records the management port the node listens on, for {@link #listenPortOf}. */
    public void recordListenPort(int port) {
        Checks.inRange(port, 1, 65_535, "port");
        Path file = root.resolve(LISTEN_PORT_FILE);
        try {
            writeAtomically(file, port + "\n");
        } catch (IOException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot write " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The management port the node of {@code dir} last listened on; empty when it never
     * started there, or the file cannot be read or holds no port.
     */
    public static OptionalInt listenPortOf(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve(LISTEN_PORT_FILE);
        try {
            int port = Integer.parseInt(Files.readString(file).strip());
            return port >= 1 && port <= 65_535 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** This node's UUID, made and kept at the first call. */
    public UUID nodeId() {
        Path file = root.resolve("node-id");
        try {
            if (Files.exists(file)) {
                return UUID.fromString(Files.readString(file).strip());
            }
            UUID id = UUID.randomUUID();
            writeAtomically(file, id + "\n");
            return id;
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot read or make the node id in "
                    + file + ": " + e.getMessage(), e);
        }
    }

    /** This node's key pair, made at the first call; its certificate starts self-signed. */
    public KeyPair nodeKeys(UUID nodeId) {
        Path keyFile = root.resolve("node-key.pem");
        Path certFile = root.resolve("node-cert.pem");
        try {
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                return new KeyPair(Pem.readCertificate(certFile).getPublicKey(),
                        Pem.readPrivateKey(keyFile));
            }
            KeyPair pair = PoolAuthority.newKeyPair();
            writeAtomically(keyFile, Pem.privateKey(pair.getPrivate()));
            writeAtomically(certFile, Pem.certificate(PoolAuthority.selfSigned(pair, nodeId)));
            return pair;
        } catch (IOException | GeneralSecurityException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot read or make this node's key in "
                    + root + ": " + e.getMessage(), e);
        }
    }

    /** This node's current certificate (self-signed, or the pool's once joined). */
    public X509Certificate nodeCertificate() throws IOException, GeneralSecurityException {
        return Pem.readCertificate(root.resolve("node-cert.pem"));
    }

    /** The pool this node belongs to, if any. */
    public Optional<PoolMembership> membership() {
        Path pool = root.resolve("pool");
        if (!Files.exists(pool.resolve("pool-id"))) {
            return Optional.empty();
        }
        try {
            UUID poolId = UUID.fromString(Files.readString(pool.resolve("pool-id")).strip());
            PoolAuthority authority = new PoolAuthority(
                    Pem.readPrivateKey(pool.resolve("ca-key.pem")),
                    Pem.readCertificate(pool.resolve("ca-cert.pem")));
            return Optional.of(new PoolMembership(poolId, authority,
                    Pem.readPrivateKey(root.resolve("node-key.pem")), nodeCertificate()));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "the pool files in " + pool
                    + " are damaged (" + e.getMessage() + "); detach this node with"
                    + " 'peer detach HOST force' on a member and remove " + pool, e);
        }
    }

    /** Records that this node now belongs to {@code membership}'s pool. */
    public void saveMembership(PoolMembership membership) throws IOException {
        Path pool = root.resolve("pool");
        Files.createDirectories(pool);
        writeAtomically(pool.resolve("ca-key.pem"), Pem.privateKey(membership.authority()
                .key()));
        writeAtomically(pool.resolve("ca-cert.pem"), Pem.certificate(membership.authority()
                .certificate()));
        writeAtomically(root.resolve("node-cert.pem"), Pem.certificate(membership
                .nodeCertificate()));
        writeAtomically(pool.resolve("pool-id"), membership.poolId() + "\n"); // last: commits
    }

    /** Forgets the pool and the store's replica: this node is fresh again. */
    public void forgetMembership(UUID nodeId) throws IOException {
        Files.deleteIfExists(root.resolve("pool").resolve("pool-id"));
        Folders.deleteTree(root.resolve("pool"));
        Folders.deleteTree(raftDir());
        KeyPair pair = nodeKeys(nodeId);
        writeAtomically(root.resolve("node-cert.pem"), Pem.certificate(PoolAuthority
                .selfSigned(pair, nodeId)));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the process is ending; the lock goes with it
        }
    }
}
