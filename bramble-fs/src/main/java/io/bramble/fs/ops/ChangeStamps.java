package io.bramble.fs.ops;

import io.bramble.common.check.Checks;
import java.nio.ByteBuffer;

/**
 * The two attributes through which self-heal learns whether a file changed while it healed
 * it, answered by the brick rather than stored: {@link #STAMP} reads a file's change count,
 * and setting {@link #CLEAR_IF_UNCHANGED} clears some of its pending marks only while the
 * count still matches and no change is in progress (EAGAIN otherwise). Both are internal:
 * applications never reach them.
 */
public final class ChangeStamps {
    /** Read-only: the file's stamp, {@link #STAMP_BYTES} bytes. */
    public static final String STAMP = "trusted.bramble.changes";
    /** Write-only: a stamp, then one byte per child whose pending mark is cleared. */
    public static final String CLEAR_IF_UNCHANGED = "trusted.bramble.clear-if-unchanged";
    /**
     * Read-only, on the root, followed by a file id: the path of the marked file of that id on
     * this copy, or else of the file of that id a handle holds open, in UTF-8 (ENODATA when
     * neither is). Self-heal moves a file a copy holds under an old name (a rename it missed)
     * rather than make it anew and lose its marks, or leave an application's open handle on
     * a file no name leads to, where its writes would be lost.
     */
    public static final String WHERE_PREFIX = "trusted.bramble.where.";
    /** The brick's start, the file's inode and its change count, each 8 bytes big-endian. */
    public static final int STAMP_BYTES = 24;
    private static final int COUNT_OFFSET = 16;

    private ChangeStamps() {
    }

    /** {@code stamp} with its count raised by {@code changes}: those the caller made itself. */
    public static byte[] raised(byte[] stamp, long changes) {
        Checks.argument(stamp.length == STAMP_BYTES, "a stamp is " + STAMP_BYTES + " bytes");
        ByteBuffer buffer = ByteBuffer.wrap(stamp.clone());
        buffer.putLong(COUNT_OFFSET, buffer.getLong(COUNT_OFFSET) + changes);
        return buffer.array();
    }

    /** The value that clears the marks against {@code children} if {@code stamp} holds. */
    public static byte[] clearRequest(byte[] stamp, int... children) {
        Checks.argument(stamp.length == STAMP_BYTES, "a stamp is " + STAMP_BYTES + " bytes");
        byte[] request = new byte[STAMP_BYTES + children.length];
        System.arraycopy(stamp, 0, request, 0, STAMP_BYTES);
        for (int i = 0; i < children.length; i++) {
            Checks.argument(children[i] >= 0 && children[i] < Byte.MAX_VALUE, "child "
                    + children[i]);
            request[STAMP_BYTES + i] = (byte) children[i];
        }
        return request;
    }
}
