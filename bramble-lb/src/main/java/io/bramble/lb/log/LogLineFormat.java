package io.bramble.lb.log;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code log-format} line compiled at load, read as HAProxy 2.6 reads one (configuration
 * manual 8.2.4): {@code %%} is a {@code %}, {@code %NAME} a variable, {@code %{+Q}NAME} one
 * with flags; a run of spaces is one separator, written only when something other than a
 * separator came before it (so a line never starts with a space and an empty capture adds
 * none). The config reader has already turned {@code \ } into a space. Immutable.
 */
public final class LogLineFormat {
    private final List<Part> parts;
    private final String written;

    private LogLineFormat(List<Part> parts, String written) {
        this.parts = List.copyOf(parts);
        this.written = written;
    }

    /**
     * Compiles {@code text}; an {@link IllegalArgumentException} names what HAProxy refuses
     * and what bramble does not fill.
     */
    public static LogLineFormat parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int pos = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ') {
                flush(literal, parts);
                if (parts.isEmpty() || !(parts.getLast() instanceof Separator)) {
                    parts.add(new Separator());
                }
                pos++;
            } else if (c != '%') {
                literal.append(c);
                pos++;
            } else if (text.startsWith("%%", pos)) {
                literal.append('%');
                pos += 2;
            } else {
                flush(literal, parts);
                pos = variable(text, pos + 1, parts);
            }
        }
        flush(literal, parts);
        return new LogLineFormat(parts, text);
    }

    /** After a {@code %}: flags, then a variable's name; returns the position after them. */
    private static int variable(String text, int pos, List<Part> parts) {
        boolean quote = false;
        boolean hex = false;
        if (pos < text.length() && text.charAt(pos) == '{') {
            int close = text.indexOf('}', pos);
            if (close < 0) {
                throw new IllegalArgumentException("'%{' in '" + text + "' has no closing '}'");
            }
            for (String flag : flags(text.substring(pos + 1, close))) {
                switch (flag) {
                    case "+Q" -> quote = true;
                    case "-Q" -> quote = false;
                    case "+X" -> hex = true;
                    case "-X" -> hex = false;
                    default -> throw new IllegalArgumentException("log-format flag '" + flag
                            + "' is not supported by bramble; flags here: +Q -Q +X -X");
                }
            }
            pos = close + 1;
        }
        if (pos < text.length() && text.charAt(pos) == '[') {
            throw new IllegalArgumentException("sample expressions ('%[...]') in a log-format "
                    + "line are not evaluated by bramble at log time; write variables "
                    + "(%ci, %ST...)");
        }
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))
                && text.charAt(pos) < 0x80) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a '%' in '" + text + "' starts no variable; "
                    + "write '%%' for a '%'");
        }
        LogVariable variable = LogVariable.named(name);
        if (variable == null) {
            String why = LogVariable.REFUSED.get(name);
            throw new IllegalArgumentException(why == null
                    ? "no such log-format variable '%" + name + "'; write '%%' for a '%'"
                    : "log-format variable '%" + name + "' " + why + "; variables filled: "
                            + LogVariable.supported());
        }
        LogVariable.Kind kind = variable.kind();
        if (hex && kind != LogVariable.Kind.IP && kind != LogVariable.Kind.PORT
                && kind != LogVariable.Kind.TIMESTAMP) {
            throw new IllegalArgumentException("the +X flag on '" + variable + "' is not "
                    + "supported by bramble; it writes %ci, %cp and %Ts in hex");
        }
        parts.add(new Variable(variable, quote, hex));
        return pos;
    }

    /** {@code +Q,+X} or {@code +Q+X} as {@code [+Q, +X]}; what has no sign stays whole. */
    private static List<String> flags(String written) {
        List<String> flags = new ArrayList<>();
        for (String group : written.split(",", -1)) {
            int start = 0;
            for (int i = 1; i <= group.length(); i++) {
                if (i == group.length() || group.charAt(i) == '+' || group.charAt(i) == '-') {
                    flags.add(group.substring(start, i));
                    start = i;
                }
            }
        }
        return flags;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Text(literal.toString()));
            literal.setLength(0);
        }
    }

    /**
     * The variables without a value in an http proxy's lines ({@code http}) or a tcp
     * proxy's, as a message names them; empty when every one has a value.
     */
    public String unfilledIn(boolean http) {
        return parts.stream().filter(p -> p instanceof Variable v && !v.variable.filledIn(http))
                .map(p -> ((Variable) p).variable.toString()).distinct()
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    /** The line for one request or connection. */
    public String render(HttpLogLine.Fields fields) {
        StringBuilder line = new StringBuilder(160);
        boolean afterSeparator = true;
        for (Part part : parts) {
            switch (part) {
                case Separator s -> {
                    if (!afterSeparator) {
                        line.append(' ');
                        afterSeparator = true;
                    }
                }
                case Text(String text) -> {
                    line.append(text);
                    afterSeparator = false;
                }
                case Variable v -> {
                    String value = v.variable.value(fields);
                    if (v.variable.kind() == LogVariable.Kind.CAPTURE && value.isEmpty()) {
                        continue;
                    }
                    v.append(value, line);
                    afterSeparator = false;
                }
            }
        }
        return line.toString();
    }

    /** The format as written in the configuration. */
    @Override
    public String toString() {
        return written;
    }

    private sealed interface Part {
    }

    private record Separator() implements Part {}

    private record Text(String text) implements Part {}

    private record Variable(LogVariable variable, boolean quote, boolean hex) implements Part {
        void append(String value, StringBuilder line) {
            if (hex) {
                line.append(hex(value));
                return;
            }
            LogVariable.Kind kind = variable.kind();
            boolean quoted = quote && (kind == LogVariable.Kind.TEXT
                    || kind == LogVariable.Kind.REQUEST || kind == LogVariable.Kind.IP
                    || kind == LogVariable.Kind.COOKIE);
            if (quoted && kind == LogVariable.Kind.COOKIE) {
                // No capture: HAProxy writes '-', or an empty quoted string.
                line.append("\"\"");
                return;
            }
            if (quoted) {
                line.append('"');
            }
            if (kind == LogVariable.Kind.REQUEST) {
                HttpLogLine.appendEscaped(line, value);
            } else {
                line.append(value);
            }
            if (quoted) {
                line.append('"');
            }
        }

        /** An address as 2 hex digits a byte, a port as 4, a timestamp as 8, as HAProxy. */
        private String hex(String value) {
            return switch (variable.kind()) {
                case IP -> addressHex(value);
                case PORT -> String.format(Locale.ROOT, "%04X", Integer.parseInt(value));
                default -> String.format(Locale.ROOT, "%08X", Long.parseLong(value));
            };
        }

        /** Each byte of the address as 2 hex digits: 8 for IPv4, 32 for IPv6. */
        private static String addressHex(String address) {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null) {
                return address;
            }
            StringBuilder hex = new StringBuilder(bytes.length * 2);
            for (byte b : bytes) {
                hex.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
            return hex.toString();
        }
    }
}
