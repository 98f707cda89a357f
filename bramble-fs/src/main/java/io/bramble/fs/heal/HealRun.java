package io.bramble.fs.heal;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * How far a heal pass of one brick got: files healed of those its index listed, bytes copied
 * of the listed files' size on the brick, and for how long it has run. What {@code volume heal
 * NAME info} and the node's log show while a heal runs, so that a heal is never invisible.
 *
 * @param filesListed the files of the brick's index the pass heals
 * @param filesHealed those healed so far
 * @param bytesToCopy the listed files' size on the brick: what their data heals copy at most
 * @param bytesCopied bytes copied so far
 * @param elapsedMs since the pass started
 */
public record HealRun(long filesListed, long filesHealed, long bytesToCopy, long bytesCopied,
        long elapsedMs) {
    /** What a file costs besides its data, in bytes copied: its names, marks and metadata. */
    static final long FILE_COST_BYTES = 64 * 1024;

    public HealRun {
        if (filesListed < 0 || filesHealed < 0 || bytesToCopy < 0 || bytesCopied < 0
                || elapsedMs < 0) {
            throw new IllegalArgumentException("a heal run counts nothing below zero");
        }
    }

    /** Bytes copied a second so far; 0 before the first millisecond. */
    public long bytesPerSecond() {
        return elapsedMs == 0 ? 0 : bytesCopied * 1000 / elapsedMs;
    }

    /**
     * The seconds left at the pace so far, counting a file as {@link #FILE_COST_BYTES} besides
     * its data; empty until something was done.
     */
    public OptionalLong secondsLeft() {
        double total = bytesToCopy + (double) filesListed * FILE_COST_BYTES;
        double done = Math.min(bytesCopied, bytesToCopy) + (double) Math.min(filesHealed,
                filesListed) * FILE_COST_BYTES;
        if (done <= 0 || elapsedMs == 0) {
            return OptionalLong.empty();
        }
        double leftMs = elapsedMs * Math.max(0, total - done) / done;
        return OptionalLong.of((long) Math.ceil(leftMs / 1000));
    }

    /**
     * One line: {@code Heal in progress: 120 of 501 files healed, 96 of 256 MiB copied in 2.4 s
     * (40 MiB/s), about 4 s left}.
     */
    public String shown() {
        OptionalLong left = secondsLeft();
        return String.format(Locale.ROOT, "Heal in progress: %d of %d files healed, %d of %d MiB"
                + " copied in %.1f s (%d MiB/s), %s", filesHealed, filesListed, bytesCopied >> 20,
                mib(bytesToCopy), elapsedMs / 1000.0, bytesPerSecond() >> 20, left.isPresent()
                        ? "about " + left.getAsLong() + " s left"
                        : "time left not known yet");
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
