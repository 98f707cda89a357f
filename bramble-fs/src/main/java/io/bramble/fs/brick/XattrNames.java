package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Maps the attribute names of the file operations to the names stored on disk. bramble's own
 * attributes are named {@code trusted.bramble.*} in the operations. A brick running as root
 * stores them under that name: the {@code trusted} namespace is invisible to unprivileged
 * users of the brick's disk, as Gluster's {@code trusted.gfid} is. Without root the kernel
 * refuses {@code trusted.*}, so they are stored as {@code user.bramble.*}, and clients may not
 * touch that prefix themselves (it would collide). Every other name passes through unchanged.
 */
final class XattrNames {
    static final String INTERNAL_PREFIX = "trusted.bramble.";
    static final String USER_PREFIX = "user.bramble.";
    /** The file id: 16 bytes, the high then the low half of the {@code FileId}, big-endian. */
    static final String ID = INTERNAL_PREFIX + "id";
    /** Pending-change marks the replicate layer sets; a non-zero one puts a file in the index. */
    static final String PENDING_PREFIX = INTERNAL_PREFIX + "pending.";
    /** {@code XATTR_NAME_MAX}. */
    static final int NAME_BYTES_MAX = 255;

    private final boolean asRoot;

    XattrNames(boolean asRoot) {
        this.asRoot = asRoot;
    }

    /** The on-disk name of {@code name}; fails for names a client may not use. */
    String toDisk(String name) throws FsException {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || name.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL, "attribute name '" + name + "'");
        }
        if (bytes > NAME_BYTES_MAX) {
            throw new FsException(Errno.ERANGE, "attribute name of " + bytes + " bytes");
        }
        if (asRoot) {
            return name;
        }
        if (name.startsWith(USER_PREFIX)) {
            throw new FsException(Errno.EPERM, name + " is reserved for the brick");
        }
        return name.startsWith(INTERNAL_PREFIX)
                ? USER_PREFIX + name.substring(INTERNAL_PREFIX.length())
                : name;
    }

    /** The name clients see for an on-disk name. */
    String toClient(String diskName) {
        if (!asRoot && diskName.startsWith(USER_PREFIX)) {
            return INTERNAL_PREFIX + diskName.substring(USER_PREFIX.length());
        }
        return diskName;
    }

    /** The on-disk name of the id attribute. */
    String idOnDisk() {
        return asRoot ? ID : USER_PREFIX + "id";
    }

    static boolean isPending(String name) {
        return name.startsWith(PENDING_PREFIX) && name.length() > PENDING_PREFIX.length();
    }

    /** Whether a pending mark's value says changes are pending: any byte not zero. */
    static boolean marks(byte[] value) {
        for (byte b : value) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** The pending mark a disk name stands for, if it is one. */
    Optional<String> pendingName(String diskName) {
        String name = toClient(diskName);
        return isPending(name) ? Optional.of(name) : Optional.empty();
    }
}
