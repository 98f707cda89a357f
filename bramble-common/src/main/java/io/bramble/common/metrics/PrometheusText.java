package io.bramble.common.metrics;

import io.bramble.common.check.Checks;

/**
 * Prometheus text exposition, format 0.0.4: each family's {@code # HELP} and {@code # TYPE}
 * lines, then its samples, one a line, with label values escaped as the format asks
 * (backslash, double quote, line feed). Families are written in the order they are started;
 * a sample belongs to the family started last.
 */
public final class PrometheusText {
    /** The content type Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The metric types of format 0.0.4. */
    public enum Type {
        COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED
    }

    private final StringBuilder out = new StringBuilder(4096);

    /** Starts the family {@code name}: its help line (one line of plain text) and type. */
    public PrometheusText family(String name, Type type, String help) {
        Checks.argument(validName(name), "not a metric name: " + name);
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\")
                .replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ')
                .append(type.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        return this;
    }

    /**
     * One sample of {@code name} (the family's name, or a histogram's {@code _bucket},
     * {@code _sum} and {@code _count}), with labels given as name, value, name, value...
     */
    public PrometheusText sample(String name, long value, String... labels) {
        line(name, labels).append(value).append('\n');
        return this;
    }

    /** A sample whose value is not a whole number (seconds, ratios). */
    public PrometheusText sample(String name, double value, String... labels) {
        line(name, labels).append(number(value)).append('\n');
        return this;
    }

    private StringBuilder line(String name, String... labels) {
        Checks.argument(labels.length % 2 == 0, "labels come in name and value pairs");
        out.append(name);
        for (int i = 0; i < labels.length; i += 2) {
            out.append(i == 0 ? '{' : ',').append(labels[i]).append("=\"")
                    .append(escape(labels[i + 1])).append('"');
        }
        return out.append(labels.length == 0 ? "" : "}").append(' ');
    }

    /** A label value as the format writes it between double quotes. */
    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A value or bucket bound: {@code +Inf}, {@code -Inf}, {@code NaN}, or the number. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c == '_' || c == ':'
                || Character.isLetterOrDigit(c) && c < 128) && !Character.isDigit(name.charAt(0));
    }

    public String text() {
        return out.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
