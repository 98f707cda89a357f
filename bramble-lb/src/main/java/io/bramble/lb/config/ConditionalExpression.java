package io.bramble.lb.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the condition of a {@code .if} or {@code .elif} line as HAProxy 2.6 does: an empty
 * text is false; a number is true when not zero ({@code 0x1} and {@code 010} are numbers);
 * predicates {@code defined(NAME)}, {@code feature(NAME)}, {@code streq(A,B)},
 * {@code strneq(A,B)}, {@code version_atleast(V)}, {@code version_before(V)}; {@code !},
 * parentheses, {@code &&} binding tighter than {@code ||}. Anything else is an error, as in
 * HAProxy. bramble answers version checks as {@link #VERSION} and feature checks with
 * {@link #FEATURES}.
 */
final class ConditionalExpression {
    /** The HAProxy version whose behaviour bramble follows, compared against by the file. */
    static final String VERSION = "2.6.12";
    /**
     * Features of {@code haproxy -vv} that bramble has: TLS (through the JDK, for
     * {@code OPENSSL}), native pollers and threads. Lua, PCRE, compression and the rest are
     * absent.
     */
    static final Set<String> FEATURES = Set.of("OPENSSL", "EPOLL", "POLL", "THREAD");
    /** Parentheses and negations nested in one condition; the line's length bounds the rest. */
    static final int DEPTH_MAX = 64;

    private final Map<String, String> environment;
    private final String text;
    private int pos;

    private ConditionalExpression(Map<String, String> environment, String text) {
        this.environment = environment;
        this.text = text;
    }

    /**
     * The value of {@code text}; throws {@link IllegalArgumentException} saying what is wrong.
     *
     * @param environment the variables {@code defined()} looks at
     */
    static boolean evaluate(Map<String, String> environment, String text) {
        ConditionalExpression expression = new ConditionalExpression(environment, text);
        expression.blanks();
        if (expression.atEnd()) {
            return false;
        }
        boolean value = expression.or(0);
        expression.blanks();
        if (!expression.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(expression.pos)
                    + "' at the end of the condition '" + text + "'");
        }
        return value;
    }

    private boolean or(int depth) {
        boolean value = and(depth);
        while (take("||")) {
            value |= and(depth);
        }
        return value;
    }

    private boolean and(int depth) {
        boolean value = term(depth);
        while (take("&&")) {
            value &= term(depth);
        }
        return value;
    }

    private boolean term(int depth) {
        if (depth >= DEPTH_MAX) {
            throw new IllegalArgumentException("a condition nests deeper than " + DEPTH_MAX);
        }
        blanks();
        if (take("!")) {
            return !term(depth + 1);
        }
        if (take("(")) {
            boolean value = or(depth + 1);
            if (!take(")")) {
                throw new IllegalArgumentException("expected ')' in the condition '" + text
                        + "'");
            }
            return value;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos))
                || text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            return number(start);
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty() || !take("(")) {
            throw new IllegalArgumentException("cannot read the condition '" + text.substring(
                    start) + "': expected a number, a predicate such as defined(NAME), '!' or "
                    + "'('");
        }
        return predicate(name, arguments(name));
    }

    private boolean number(int start) {
        pos++;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        String unsigned = digits.replaceFirst("^[-+]", "");
        try {
            long value = unsigned.startsWith("0x") || unsigned.startsWith("0X")
                    ? Long.parseLong(unsigned.substring(2), 16)
                    : unsigned.length() > 1 && unsigned.startsWith("0")
                            ? Long.parseLong(unsigned.substring(1), 8)
                            : Long.parseLong(unsigned);
            return value != 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + digits + "' in the condition '" + text
                    + "' is not a number", e);
        }
    }

    private List<String> arguments(String name) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == ')' || c == ',') {
                arguments.add(current.toString());
                current.setLength(0);
                if (c == ')') {
                    return arguments;
                }
            } else {
                current.append(c);
            }
        }
        throw new IllegalArgumentException("expected ')' after the arguments of '" + name
                + "' in the condition '" + text + "'");
    }

    private boolean predicate(String name, List<String> arguments) {
        return switch (name) {
            case "defined" -> environment.containsKey(argument(name, arguments, 1, 0));
            case "feature" -> FEATURES.contains(argument(name, arguments, 1, 0));
            case "streq" -> argument(name, arguments, 2, 0).equals(arguments.get(1));
            case "strneq" -> !argument(name, arguments, 2, 0).equals(arguments.get(1));
            case "version_atleast" -> HaproxyVersion.parse(argument(name, arguments, 1, 0))
                    .compareTo(HaproxyVersion.parse(VERSION)) <= 0;
            case "version_before" -> HaproxyVersion.parse(VERSION).compareTo(HaproxyVersion
                    .parse(argument(name, arguments, 1, 0))) < 0;
            default -> throw new IllegalArgumentException("unknown predicate '" + name
                    + "' in a condition; HAProxy 2.6 has defined, feature, streq, strneq, "
                    + "version_atleast and version_before");
        };
    }

    private static String argument(String name, List<String> arguments, int count, int index) {
        if (arguments.size() != count) {
            throw new IllegalArgumentException("'" + name + "' takes " + count + " argument"
                    + (count == 1 ? "" : "s") + ", got " + arguments.size());
        }
        return arguments.get(index);
    }

    private boolean take(String token) {
        blanks();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void blanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }
}
