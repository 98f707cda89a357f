package io.bramble.compute.plan;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's memory sizes, as {@code --worker-memory} and {@code --executor-memory} take them:
 * {@code 512m}, {@code 2g}, {@code 1t}, {@code 1048576k} (a {@code b} may follow the unit:
 * {@code 512mb}); a bare number is MiB.
 */
public final class SparkSize {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,18})([kmgt]?)b?");

    private SparkSize() {
    }

    /** {@code value} in MiB, kibibytes rounded up to a whole MiB; empty when it is no size. */
    public static OptionalLong mib(String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(m.group(1));
            return OptionalLong.of(switch (m.group(2)) {
                case "k" -> (n + 1023) / 1024;
                case "g" -> Math.multiplyExact(n, 1024L);
                case "t" -> Math.multiplyExact(n, 1024L * 1024);
                default -> n;
            });
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }
}
