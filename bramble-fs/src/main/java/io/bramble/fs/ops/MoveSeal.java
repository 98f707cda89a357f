package io.bramble.fs.ops;

import io.bramble.common.check.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one step of a file's move between distribute subvolumes that must be atomic on the
 * brick that held it: setting {@link #SEAL} with a {@linkplain ChangeStamps#STAMP stamp} and a
 * subvolume name turns the file into a pointer to that subvolume (the linkto xattr set, mode
 * {@code 01000}, size 0) only while its change count still matches the stamp, no change is
 * in progress, no handle is open on it and it has one name; EAGAIN when it changed, EBUSY when
 * it is open or linked. Nothing else runs on the brick meanwhile, so no write can land on the
 * file after the copy it was checked against. Internal: applications never reach it.
 */
public final class MoveSeal {
    /** Write-only: a stamp, then the name of the subvolume that holds the copy, in UTF-8. */
    public static final String SEAL = "trusted.bramble.seal-as-pointer";
    /** The xattr that names the subvolume holding a pointer's data (distribute's linkto). */
    public static final String LINKTO = "trusted.bramble.linkto";
    /**
     * Set by the seal on the pointer it leaves: a brick refuses to open that file or change
     * its attributes by path (ESTALE), so that a client that found the data there before the
     * seal looks again instead of writing into the pointer.
     */
    public static final String SEALED = "trusted.bramble.sealed";
    /** A pointer's mode bits below the file type: the sticky bit alone. */
    public static final int POINTER_PERMISSIONS = 01000;

    private MoveSeal() {
    }

    /** The value that seals a file whose stamp is {@code stamp} as a pointer to {@code to}. */
    public static byte[] request(byte[] stamp, String to) {
        Checks.argument(stamp.length == ChangeStamps.STAMP_BYTES, "a stamp is "
                + ChangeStamps.STAMP_BYTES + " bytes");
        byte[] name = to.getBytes(StandardCharsets.UTF_8);
        byte[] request = Arrays.copyOf(stamp, stamp.length + name.length);
        System.arraycopy(name, 0, request, stamp.length, name.length);
        return request;
    }

    /** The stamp a request carries. */
    public static byte[] stamp(byte[] request) throws FsException {
        if (request.length <= ChangeStamps.STAMP_BYTES) {
            throw new FsException(Errno.EINVAL, "a seal request is a stamp and a name");
        }
        return Arrays.copyOf(request, ChangeStamps.STAMP_BYTES);
    }

    /** The linkto value a request carries. */
    public static byte[] linkto(byte[] request) {
        return Arrays.copyOfRange(request, ChangeStamps.STAMP_BYTES, request.length);
    }
}
