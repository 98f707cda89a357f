package io.bramble.fs.volume.status;

import io.bramble.fs.brick.profile.Fop;
import io.bramble.fs.brick.profile.FopLatency;
import io.bramble.fs.brick.profile.ProfileStats;
import io.bramble.fs.volume.Brick;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link ProfileReport} as the brick's machine sends it, one window after the other:
 * <pre>
 * window INTERVAL DURATION-S BYTES-READ BYTES-WRITTEN
 * reads COUNT x 32
 * writes COUNT x 32
 * fop NAME CALLS TOTAL-NS MIN-NS MAX-NS     (one line per operation called)
 * </pre>
 * Decoding bounds the text and rejects what encode never writes.
 */
public final class ProfileReportCodec {
    /** Longest report: two windows of every operation fit many times over. */
    public static final int TEXT_CHARS_MAX = 64 * 1024;

    private ProfileReportCodec() {
    }

    public static String encode(List<ProfileStats> windows) {
        StringBuilder out = new StringBuilder();
        for (ProfileStats w : windows) {
            out.append("window ").append(w.interval()).append(' ').append(w.durationSec())
                    .append(' ').append(w.bytesRead()).append(' ').append(w.bytesWritten())
                    .append('\n');
            out.append("reads").append(counts(w.readBlocks())).append('\n');
            out.append("writes").append(counts(w.writeBlocks())).append('\n');
            for (FopLatency f : w.fops()) {
                out.append("fop ").append(f.fop().name()).append(' ').append(f.calls())
                        .append(' ').append(f.totalNs()).append(' ').append(f.minNs())
                        .append(' ').append(f.maxNs()).append('\n');
            }
        }
        return out.toString();
    }

    private static String counts(List<Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach(c -> out.append(' ').append(c));
        return out.toString();
    }

    public static Optional<ProfileReport> decode(Brick brick, String text) {
        if (text.length() > TEXT_CHARS_MAX || !(text.isEmpty() || text.endsWith("\n"))) {
            return Optional.empty();
        }
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        List<ProfileStats> windows = new ArrayList<>();
        try {
            int i = 0;
            while (i < lines.size()) {
                long[] head = numbers(lines.get(i++), "window", 4);
                List<Long> reads = boxed(numbers(lines.get(i++), "reads",
                        ProfileStats.BLOCK_SIZES));
                List<Long> writes = boxed(numbers(lines.get(i++), "writes",
                        ProfileStats.BLOCK_SIZES));
                List<FopLatency> fops = new ArrayList<>();
                while (i < lines.size() && lines.get(i).startsWith("fop ")) {
                    String[] f = lines.get(i++).split(" ", -1);
                    if (f.length != 6) {
                        return Optional.empty();
                    }
                    fops.add(new FopLatency(Fop.valueOf(f[1]), Long.parseLong(f[2]), Long
                            .parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5])));
                }
                windows.add(new ProfileStats(Math.toIntExact(head[0]), head[1], head[2],
                        head[3], reads, writes, fops));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.of(new ProfileReport(brick, true, windows));
    }

    private static long[] numbers(String line, String word, int count) {
        String[] f = line.split(" ", -1);
        if (f.length != count + 1 || !f[0].equals(word)) {
            throw new IllegalArgumentException("not a " + word + " line: " + line);
        }
        return Arrays.stream(f, 1, f.length).mapToLong(Long::parseLong).toArray();
    }

    private static List<Long> boxed(long[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
