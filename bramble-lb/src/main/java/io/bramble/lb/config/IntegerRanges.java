package io.bramble.lb.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of an ACL on an integer fetch, as HAProxy reads them: values
 * ({@code 10}), ranges ({@code 10:20}, {@code :20}, {@code 10:}) and the operators
 * {@code eq}, {@code ge}, {@code gt}, {@code le}, {@code lt}, each applying to the values
 * after it up to the next operator. Only positive values, as in HAProxy.
 */
public final class IntegerRanges {
    private final long[] lows;
    private final long[] highs;

    private IntegerRanges(List<long[]> ranges) {
        this.lows = ranges.stream().mapToLong(r -> r[0]).toArray();
        this.highs = ranges.stream().mapToLong(r -> r[1]).toArray();
    }

    /** Reads the patterns; fails naming the first that is neither operator nor value. */
    public static IntegerRanges parse(List<String> patterns) {
        List<long[]> ranges = new ArrayList<>();
        String operator = "eq";
        for (String pattern : patterns) {
            switch (pattern) {
                case "eq", "ge", "gt", "le", "lt" -> {
                    operator = pattern;
                    continue;
                }
                default -> {
                }
            }
            int colon = pattern.indexOf(':');
            if (colon >= 0) {
                if (!operator.equals("eq")) {
                    throw new IllegalArgumentException("a range such as " + pattern
                            + " takes no operator, got '" + operator + "' before it");
                }
                long low = colon == 0 ? 0 : value(pattern.substring(0, colon), pattern);
                long high = colon == pattern.length() - 1
                        ? Long.MAX_VALUE
                        : value(pattern.substring(colon + 1), pattern);
                ranges.add(new long[]{low, high});
                continue;
            }
            long value = value(pattern, pattern);
            ranges.add(switch (operator) {
                case "ge" -> new long[]{value, Long.MAX_VALUE};
                case "gt" -> new long[]{value + 1, Long.MAX_VALUE};
                case "le" -> new long[]{Long.MIN_VALUE, value};
                case "lt" -> new long[]{Long.MIN_VALUE, value - 1};
                default -> new long[]{value, value};
            });
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("expected an integer after '" + operator + "'");
        }
        return new IntegerRanges(ranges);
    }

    private static long value(String text, String pattern) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("expected a positive integer, a range such as "
                    + "10:20 or an operator (eq, ge, gt, le, lt), got '" + pattern + "'");
        }
        return Long.parseLong(text);
    }

    /** True when {@code value} lies in any of the ranges. */
    public boolean matches(long value) {
        for (int i = 0; i < lows.length; i++) {
            if (value >= lows[i] && value <= highs[i]) {
                return true;
            }
        }
        return false;
    }
}
