package io.bramble.fs.stripe;

/**
 * The part of a logical range that falls in one block: {@code lengthBytes} bytes from
 * {@code logicalOffset} of the file, stored at {@code childOffset} in child {@code child}'s
 * file.
 */
public record StripePiece(int child, long childOffset, long logicalOffset, int lengthBytes) {}
