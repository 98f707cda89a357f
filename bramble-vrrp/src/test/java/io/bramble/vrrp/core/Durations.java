package io.bramble.vrrp.core;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Durations and {@code key=value} arguments as scenario files write them. */
final class Durations {
    private Durations() {
    }

    /** {@code 3.5s}, {@code 500ms} or {@code 250us} in nanoseconds. */
    static long nanos(String text) {
        BigDecimal scale;
        String number;
        if (text.endsWith("ms")) {
            scale = BigDecimal.valueOf(1_000_000L);
            number = text.substring(0, text.length() - 2);
        } else if (text.endsWith("us")) {
            scale = BigDecimal.valueOf(1_000L);
            number = text.substring(0, text.length() - 2);
        } else if (text.endsWith("s")) {
            scale = BigDecimal.valueOf(1_000_000_000L);
            number = text.substring(0, text.length() - 1);
        } else {
            throw new IllegalArgumentException("a duration needs a unit (s, ms, us): " + text);
        }
        return new BigDecimal(number).multiply(scale).longValueExact();
    }

    static long millis(String text) {
        return nanos(text) / 1_000_000L;
    }

    /** Seconds with up to six decimals: {@code 3.609375s}, {@code 4s}. */
    static String format(long nanos) {
        BigDecimal seconds = BigDecimal.valueOf(nanos / 1_000L, 6).stripTrailingZeros();
        return seconds.toPlainString() + "s";
    }

    static Map<String, String> arguments(String[] words, int from) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = from; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + words[i]);
            }
            args.put(words[i].substring(0, equals), words[i].substring(equals + 1));
        }
        return args;
    }
}
