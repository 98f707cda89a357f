package io.bramble.cluster.exec;

import java.util.Optional;

/**
 * An agent's output, bounded: its first {@link #HEAD_BYTES} and last {@link #TAIL_BYTES} with a
 * line saying how much was left out between them; and the exit reason it gave, the text after
 * the last {@code ocf-exit-reason:} at the start of a line, as Pacemaker reads it.
 */
public final class OutputExcerpt {
    public static final int HEAD_BYTES = 4096;
    public static final int TAIL_BYTES = 4096;
    /** Longest exit reason kept, in characters. */
    public static final int EXIT_REASON_CHARS_MAX = 256;
    public static final String EXIT_REASON_PREFIX = "ocf-exit-reason:";

    private OutputExcerpt() {
    }

    /** The excerpt of an output of {@code totalBytes} whose two ends are given. */
    public static String of(String head, String tail, long totalBytes, long headBytes,
            long tailBytes) {
        long skipped = totalBytes - headBytes - tailBytes;
        if (skipped <= 0) {
            return head + tail;
        }
        return head + "\n[... " + skipped + " bytes left out ...]\n" + tail;
    }

    /** The exit reason in {@code stderr}, if the agent gave one. */
    public static Optional<String> exitReason(String stderr) {
        String reason = null;
        for (String line : stderr.split("\n")) {
            if (line.startsWith(EXIT_REASON_PREFIX)) {
                reason = line.substring(EXIT_REASON_PREFIX.length()).strip();
            }
        }
        if (reason == null || reason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reason.length() > EXIT_REASON_CHARS_MAX
                ? reason.substring(0, EXIT_REASON_CHARS_MAX)
                : reason);
    }
}
