package io.bramble.fs.stripe;

import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes of a logical range, one call per child: the pieces a range has on one
 * child lie back to back in that child's file ({@link StripeGeometry#pieces}), so each child's
 * part is gathered into one buffer for a write and read in one call, then scattered. Children
 * are called one after another.
 */
final class StripeData {
    /** Reads {@code lengthBytes} at {@code childOffset} of child {@code child}'s piece. */
    @FunctionalInterface
    interface ChildRead {
        byte[] read(int child, long childOffset, int lengthBytes) throws FsException;
    }

    /** Writes {@code data} at {@code childOffset} of child {@code child}'s piece. */
    @FunctionalInterface
    interface ChildWrite {
        void write(int child, long childOffset, byte[] data) throws FsException;
    }

    /** What a read found: the bytes, holes as zeros, and whether every piece was whole. */
    record Found(byte[] bytes, boolean whole) {}

    /** One child's part of a range: where it starts in the child and the pieces in it. */
    private record ChildPart(int child, long childOffset, int lengthBytes,
            List<StripePiece> pieces) {}

    private final StripeGeometry geometry;

    StripeData(StripeGeometry geometry) {
        this.geometry = geometry;
    }

    /**
     * Reads the range; a piece its child ends inside is left as zeros and makes the answer
     * not {@code whole}: the caller then learns the file's size to know where it ends.
     */
    Found read(long offset, int lengthBytes, ChildRead reads) throws FsException {
        byte[] out = new byte[lengthBytes];
        boolean whole = true;
        for (ChildPart part : parts(offset, lengthBytes)) {
            byte[] got = reads.read(part.child(), part.childOffset(), part.lengthBytes());
            whole &= got.length >= part.lengthBytes();
            for (StripePiece piece : part.pieces()) {
                int from = (int) (piece.childOffset() - part.childOffset());
                int length = Math.clamp(got.length - from, 0, piece.lengthBytes());
                if (length == 0) {
                    continue;
                }
                System.arraycopy(got, from, out, (int) (piece.logicalOffset() - offset),
                        length);
            }
        }
        return new Found(out, whole);
    }

    /** Writes all of {@code data} at {@code offset}. */
    void write(long offset, byte[] data, ChildWrite writes) throws FsException {
        for (ChildPart part : parts(offset, data.length)) {
            byte[] gathered = new byte[part.lengthBytes()];
            for (StripePiece piece : part.pieces()) {
                System.arraycopy(data, (int) (piece.logicalOffset() - offset), gathered,
                        (int) (piece.childOffset() - part.childOffset()), piece.lengthBytes());
            }
            writes.write(part.child(), part.childOffset(), gathered);
        }
    }

    /** The range's parts by child, in the order of their first piece. */
    private List<ChildPart> parts(long offset, int lengthBytes) {
        List<List<StripePiece>> byChild = new ArrayList<>();
        for (int child = 0; child < geometry.childCount(); child++) {
            byChild.add(new ArrayList<>());
        }
        List<Integer> order = new ArrayList<>();
        for (StripePiece piece : geometry.pieces(offset, lengthBytes)) {
            List<StripePiece> pieces = byChild.get(piece.child());
            if (pieces.isEmpty()) {
                order.add(piece.child());
            }
            pieces.add(piece);
        }
        List<ChildPart> parts = new ArrayList<>(order.size());
        for (int child : order) {
            List<StripePiece> pieces = byChild.get(child);
            int length = pieces.stream().mapToInt(StripePiece::lengthBytes).sum();
            parts.add(new ChildPart(child, pieces.getFirst().childOffset(), length, pieces));
        }
        return parts;
    }
}
