package io.bramble.fs.volume.status;

import io.bramble.fs.heal.HealRun;
import io.bramble.fs.volume.Brick;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link PendingReport} as the brick's machine sends it: the count on the first line, then
 * one path a line, with {@code \} and line breaks escaped ({@code \\}, {@code \n}) since a
 * file name may hold them; while the brick's node heals from it, a last line
 * {@code healing LISTED HEALED TO-COPY COPIED MS} ({@link HealRun}), which no path can be. Paths are added while the text stays within
 * {@link #TEXT_CHARS_MAX}; decoding bounds the text and rejects what encode never writes.
 */
public final class PendingReportCodec {
    /** Longest report, in characters: well within a command's reply. */
    public static final int TEXT_CHARS_MAX = 256 * 1024;
    /** Most paths a report shows. */
    public static final int SHOWN_MAX = 1_000;
    private static final String HEALING = "healing ";
    /** Kept free at the end of a report for its healing line. */
    private static final int HEALING_CHARS_MAX = 128;

    private PendingReportCodec() {
    }

    /** The count, then as many of {@code paths} as fit. */
    public static String encode(long count, List<String> paths) {
        StringBuilder out = new StringBuilder().append(count).append('\n');
        int shown = 0;
        for (String path : paths) {
            String line = LineEscape.escape(path) + "\n";
            if (shown == SHOWN_MAX || out.length() + line.length() > TEXT_CHARS_MAX
                    - HEALING_CHARS_MAX) {
                break;
            }
            out.append(line);
            shown++;
        }
        return out.toString();
    }

    /** {@code report} ({@link #encode}) with how far the heal from its brick got. */
    public static String withHealing(String report, HealRun run) {
        return report + HEALING + run.filesListed() + " " + run.filesHealed() + " " + run
                .bytesToCopy() + " " + run.bytesCopied() + " " + run.elapsedMs() + "\n";
    }

    public static Optional<PendingReport> decode(Brick brick, String text) {
        if (text.length() > TEXT_CHARS_MAX || !text.endsWith("\n")) {
            return Optional.empty();
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        try {
            long count = Long.parseLong(lines[0]);
            if (count < 0) {
                return Optional.empty();
            }
            int end = lines.length;
            Optional<HealRun> healing = Optional.empty();
            if (end > 1 && lines[end - 1].startsWith(HEALING)) {
                healing = Optional.of(healing(lines[--end]));
            }
            if (end - 1 > SHOWN_MAX) {
                return Optional.empty();
            }
            List<String> shown = new ArrayList<>();
            for (int i = 1; i < end; i++) {
                if (!lines[i].startsWith("/")) {
                    return Optional.empty();
                }
                shown.add(LineEscape.unescape(lines[i]));
            }
            return Optional.of(new PendingReport(brick, true, Math.max(count, shown.size()),
                    shown, healing));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HealRun healing(String line) {
        String[] f = line.substring(HEALING.length()).split(" ", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException("a healing line has five counts: " + line);
        }
        return new HealRun(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]));
    }
}
