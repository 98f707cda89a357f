package io.bramble.cluster.model;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Pacemaker reads them in operations and properties: a number with an optional
 * unit ({@code ms}/{@code msec}, {@code s}/{@code sec}, {@code m}/{@code min},
 * {@code h}/{@code hr}; seconds when bare), or an ISO 8601 {@code PT…} duration.
 */
public final class Interval {
    /** Longer than any interval Pacemaker accepts on an operation (it stores milliseconds). */
    public static final long MAX_MS = Integer.MAX_VALUE;

    private static final Pattern PLAIN = Pattern.compile("(\\d{1,12})\\s*([a-z]*)");
    private static final Pattern ISO = Pattern.compile(
            "PT(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})S)?");

    private Interval() {
    }

    /** Milliseconds of {@code text}, or empty when it is not a duration Pacemaker reads. */
    public static OptionalLong parseMs(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher plain = PLAIN.matcher(t);
        if (plain.matches()) {
            long unitMs = switch (plain.group(2)) {
                case "", "s", "sec" -> 1_000L;
                case "ms", "msec" -> 1L;
                case "m", "min" -> 60_000L;
                case "h", "hr" -> 3_600_000L;
                default -> -1L;
            };
            return unitMs < 0
                    ? OptionalLong.empty()
                    : bounded(Long.parseLong(plain.group(1)) * unitMs);
        }
        Matcher iso = ISO.matcher(t.toUpperCase(Locale.ROOT));
        if (iso.matches() && t.length() > 2) {
            long ms = part(iso.group(1)) * 3_600_000L + part(iso.group(2)) * 60_000L
                    + part(iso.group(3)) * 1_000L;
            return bounded(ms);
        }
        return OptionalLong.empty();
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static OptionalLong bounded(long ms) {
        return ms > MAX_MS ? OptionalLong.empty() : OptionalLong.of(ms);
    }
}
