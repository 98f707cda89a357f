package io.bramble.common.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations and sizes as config files write them, parsed and printed back. */
final class Quantities {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,18}(?:\\.\\d{1,9})?)"
            + "(us|ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})([kKmMgG])?");
    private static final Map<String, ChronoUnit> UNITS = Map.of("us", ChronoUnit.MICROS, "ms",
            ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h",
            ChronoUnit.HOURS, "d", ChronoUnit.DAYS);
    private static final String[] UNIT_ORDER = {"d", "h", "m", "s", "ms", "us"};

    private Quantities() {
    }

    /** Nanoseconds of {@code text}, or empty when it is not a duration or overflows. */
    static OptionalLong durationNanos(String text, ChronoUnit bareUnit) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        ChronoUnit unit = m.group(2) == null ? bareUnit : UNITS.get(m.group(2));
        BigDecimal nanos = new BigDecimal(m.group(1))
                .multiply(BigDecimal.valueOf(unit.getDuration().toNanos()));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(nanos.longValue());
    }

    /** A duration in the largest unit that shows it exactly: {@code 24d}, {@code 100ms}. */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0";
        }
        for (String name : UNIT_ORDER) {
            long unitNanos = UNITS.get(name).getDuration().toNanos();
            if (nanos % unitNanos == 0) {
                return nanos / unitNanos + name;
            }
        }
        return nanos + "ns";
    }

    static String unitName(ChronoUnit unit) {
        return switch (unit) {
            case MICROS -> "microseconds";
            case MILLIS -> "milliseconds";
            case SECONDS -> "seconds";
            case MINUTES -> "minutes";
            case HOURS -> "hours";
            case DAYS -> "days";
            default -> throw new IllegalArgumentException("no bare unit " + unit);
        };
    }

    /** Bytes of {@code text} ({@code k}, {@code m}, {@code g} are powers of 1024). */
    static OptionalLong sizeBytes(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        int shift = m.group(2) == null
                ? 0
                : switch (Character.toLowerCase(m.group(2)
                        .charAt(0))) {
                    case 'k' -> 10;
                    case 'm' -> 20;
                    default -> 30;
                };
        long value = Long.parseLong(m.group(1));
        if (value > (Long.MAX_VALUE >> shift)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value << shift);
    }

    /** A size in the largest of k, m, g that shows it exactly. */
    static String formatSize(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "m";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "k";
        }
        return Long.toString(bytes);
    }
}
