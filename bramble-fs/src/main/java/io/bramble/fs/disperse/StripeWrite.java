package io.bramble.fs.disperse;

/**
 * What a write costs in a disperse set ({@link StripeLayout#write}): the stripes it rewrites
 * whole, the bytes of the first and last of them that lie before and after the written bytes,
 * and whether those stripes must be read first to keep their other bytes (read, merged with
 * the new bytes, encoded again: read-modify-write).
 *
 * @param stripes the stripes rewritten, whole
 * @param headBytes bytes of the first stripe before the written bytes
 * @param tailBytes bytes of the last stripe after the written bytes
 * @param readsFirst whether the first stripe holds file bytes to keep, and must be read
 * @param readsLast whether the last stripe holds file bytes to keep, and must be read
 */
public record StripeWrite(StripeRange stripes, int headBytes, int tailBytes,
        boolean readsFirst, boolean readsLast) {

    /** Distinct stripes to read before writing: 0, 1 or 2. */
    public int stripesRead() {
        if (readsFirst && readsLast) {
            return stripes.count() == 1 ? 1 : 2;
        }
        return readsFirst || readsLast ? 1 : 0;
    }
}
