package io.bramble.lb.format;

import java.util.regex.Pattern;

/**
 * A variable's name as written, {@code SCOPE.NAME}: {@code proc.x} lives as long as the
 * configuration, {@code sess.x} as the client's connection, {@code txn.x} as one request and its
 * response, {@code req.x} while the request is processed, {@code res.x} while the response is.
 *
 * @param scope where it lives
 * @param name the part after the scope
 */
public record VariableName(Scope scope, String name) {
    /** Longest name after the scope. */
    public static final int NAME_CHARS_MAX = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.]{1," + NAME_CHARS_MAX
            + "}");

    /** A variable's lifetime, as HAProxy 2.6 defines them. */
    public enum Scope {
        PROC, SESS, TXN, REQ, RES
    }

    /** Reads {@code SCOPE.NAME}; fails saying what is wrong. */
    public static VariableName parse(String written) {
        int dot = written.indexOf('.');
        Scope scope = dot < 0 ? null : switch (written.substring(0, dot)) {
            case "proc" -> Scope.PROC;
            case "sess" -> Scope.SESS;
            case "txn" -> Scope.TXN;
            case "req" -> Scope.REQ;
            case "res" -> Scope.RES;
            default -> null;
        };
        if (scope == null) {
            throw new IllegalArgumentException("expected a variable name starting with proc., "
                    + "sess., txn., req. or res., got '" + written + "'");
        }
        String name = written.substring(dot + 1);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("expected a variable name of letters, digits, "
                    + "'_' and '.' after '" + written.substring(0, dot + 1) + "', got '"
                    + written + "'");
        }
        return new VariableName(scope, name);
    }

    @Override
    public String toString() {
        return scope.name().toLowerCase(java.util.Locale.ROOT) + "." + name;
    }
}
