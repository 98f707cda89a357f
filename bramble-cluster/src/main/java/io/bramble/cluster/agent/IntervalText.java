package io.bramble.cluster.agent;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Pacemaker's time values ({@code 20s}, {@code 1min}, {@code 500ms}, {@code PT5M}, a bare
 * number meaning seconds), and pcs's narrower reading of them.
 */
public final class IntervalText {
    /** Pacemaker's units, in milliseconds (microseconds round down). */
    private static final Map<String, Long> PACEMAKER_UNITS_MS = Map.of("", 1000L, "s", 1000L,
            "sec", 1000L, "ms", 1L, "msec", 1L, "m", 60_000L, "min", 60_000L, "h", 3_600_000L,
            "hr", 3_600_000L);
    /** pcs's units, in seconds. */
    private static final Map<String, Long> PCS_UNITS_S = Map.of("", 1L, "s", 1L, "sec", 1L,
            "m", 60L, "min", 60L, "h", 3600L, "hr", 3600L);
    /** Longest value read: a week in milliseconds has 9 digits. */
    private static final int DIGITS_MAX = 12;

    private IntervalText() {
    }

    /** The value in milliseconds as Pacemaker reads it, or empty when it is not a time. */
    public static Optional<Long> millis(String text) {
        String value = text.strip();
        if (value.startsWith("P")) {
            try {
                return Optional.of(Duration.parse(value).toMillis());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (value.endsWith("us") || value.endsWith("usec")) {
            String digits = value.substring(0, value.length() - (value.endsWith("us") ? 2 : 4));
            return number(digits).map(n -> n / 1000);
        }
        return scaled(value, PACEMAKER_UNITS_MS);
    }

    /** The value in seconds as pcs reads it (whole units only), or empty. */
    public static Optional<Long> seconds(String text) {
        return scaled(text.strip(), PCS_UNITS_S);
    }

    private static Optional<Long> scaled(String value, Map<String, Long> units) {
        int end = 0;
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        Long unit = units.get(value.substring(end).strip());
        if (unit == null) {
            return Optional.empty();
        }
        return number(value.substring(0, end)).map(n -> n * unit);
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > DIGITS_MAX
                || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
