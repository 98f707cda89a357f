package io.bramble.lb.proxy;

import java.util.regex.MatchResult;

/**
 * The replacement text of a regex rewrite ({@code http-request replace-path}) with its
 * back-references expanded as HAProxy expands them: {@code \0} to {@code \9} are the match
 * and its groups (nothing for a group that did not take part or does not exist),
 * {@code \xHH} is the character of that code, and a backslash before anything else stands
 * for that character alone ({@code \\} is one backslash).
 */
final class BackReferences {
    private BackReferences() {
    }

    /**
     * @throws IllegalArgumentException when the text ends with a lone backslash, has a
     *         {@code \x} without two hexadecimal digits, or grows past {@code charsMax}: the
     *         rewrite fails then, as in HAProxy
     */
    static String expand(String replacement, MatchResult match, int charsMax) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < replacement.length()) {
            char c = replacement.charAt(i++);
            if (c != '\\') {
                out.append(c);
            } else if (i >= replacement.length()) {
                throw new IllegalArgumentException("a lone backslash ends the replacement");
            } else {
                char next = replacement.charAt(i++);
                if (next >= '0' && next <= '9') {
                    int group = next - '0';
                    if (group <= match.groupCount() && match.group(group) != null) {
                        out.append(match.group(group));
                    }
                } else if (next == 'x') {
                    out.append(hexCharacter(replacement, i));
                    i += 2;
                } else {
                    out.append(next);
                }
            }
            if (out.length() > charsMax) {
                throw new IllegalArgumentException("the replacement is longer than "
                        + charsMax + " characters");
            }
        }
        return out.toString();
    }

    private static char hexCharacter(String text, int at) {
        if (at + 2 > text.length()) {
            throw new IllegalArgumentException("\\x needs two hexadecimal digits");
        }
        int high = Character.digit(text.charAt(at), 16);
        int low = Character.digit(text.charAt(at + 1), 16);
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException("\\x needs two hexadecimal digits");
        }
        return (char) (high * 16 + low);
    }
}
