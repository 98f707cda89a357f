package io.bramble.fs.volume.status;

import io.bramble.fs.brick.profile.OpenFiles;
import io.bramble.fs.brick.profile.TopEntry;
import io.bramble.fs.volume.Brick;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TopReport} as the brick's machine sends it: an optional first line
 * {@code open CURRENT MAX MAX-AT-EPOCH-MS} or {@code perf BYTES MICROS}, then one file a line,
 * {@code COUNT PATH} with the path escaped ({@link LineEscape}). Decoding bounds the text and
 * rejects what encode never writes.
 */
public final class TopReportCodec {
    /** Longest report: 100 files of ordinary paths fit many times over. */
    public static final int TEXT_CHARS_MAX = 512 * 1024;

    private TopReportCodec() {
    }

    public static String encode(Optional<OpenFiles> open, List<TopEntry> files,
            Optional<TopReport.Throughput> perf) {
        StringBuilder out = new StringBuilder();
        open.ifPresent(o -> out.append("open ").append(o.current()).append(' ').append(o.max())
                .append(' ').append(o.maxAtEpochMs()).append('\n'));
        perf.ifPresent(p -> out.append("perf ").append(p.bytes()).append(' ').append(p
                .micros()).append('\n'));
        for (TopEntry file : files) {
            String line = file.count() + " " + LineEscape.escape(file.path()) + "\n";
            if (out.length() + line.length() > TEXT_CHARS_MAX) {
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    public static Optional<TopReport> decode(Brick brick, String text) {
        if (text.length() > TEXT_CHARS_MAX || !(text.isEmpty() || text.endsWith("\n"))) {
            return Optional.empty();
        }
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        Optional<OpenFiles> open = Optional.empty();
        Optional<TopReport.Throughput> perf = Optional.empty();
        List<TopEntry> files = new ArrayList<>();
        try {
            for (String line : lines) {
                String[] f = line.split(" ", 2);
                if (f[0].equals("open") && files.isEmpty()) {
                    String[] n = f[1].split(" ", -1);
                    open = Optional.of(new OpenFiles(Long.parseLong(n[0]), Long.parseLong(n[1]),
                            Long.parseLong(n[2])));
                } else if (f[0].equals("perf") && files.isEmpty()) {
                    String[] n = f[1].split(" ", -1);
                    perf = Optional.of(new TopReport.Throughput(Long.parseLong(n[0]), Long
                            .parseLong(n[1])));
                } else {
                    String path = LineEscape.unescape(f[1]);
                    if (!path.startsWith("/")) {
                        return Optional.empty();
                    }
                    files.add(new TopEntry(path, Long.parseLong(f[0])));
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.of(new TopReport(brick, true, open, files, perf));
    }
}
