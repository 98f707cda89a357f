package io.bramble.lb.acl;

import io.bramble.lb.config.AclMatch;
import java.util.List;
import java.util.regex.Pattern;

/** One ACL line's patterns, compiled for a match method; matches when any pattern matches. */
final class PatternMatcher {
    private final AclMatch match;
    private final boolean ignoreCase;
    private final List<String> patterns;
    private final List<Pattern> regexes;

    PatternMatcher(AclMatch match, boolean ignoreCase, List<String> patterns) {
        this.match = match;
        this.ignoreCase = ignoreCase;
        this.patterns = List.copyOf(patterns);
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        this.regexes = match == AclMatch.REGEX
                ? patterns.stream().map(p -> Pattern.compile(p, flags)).toList()
                : List.of();
    }

    boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (match == AclMatch.FOUND) {
            return true;
        }
        if (match == AclMatch.REGEX) {
            for (Pattern regex : regexes) {
                if (regex.matcher(value).find()) {
                    return true;
                }
            }
            return false;
        }
        for (String pattern : patterns) {
            if (matchesOne(value, pattern)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesOne(String value, String pattern) {
        return switch (match) {
            case EXACT -> value.length() == pattern.length() && startsAt(value, pattern, 0);
            case BEGINS -> startsAt(value, pattern, 0);
            case ENDS -> startsAt(value, pattern, value.length() - pattern.length());
            case CONTAINS -> indexOf(value, pattern, 0) >= 0;
            case DIR -> delimited(value, pattern, "/");
            case DOMAIN -> delimited(value, pattern, "/.");
            default -> false;
        };
    }

    private boolean startsAt(String value, String pattern, int offset) {
        return offset >= 0 && value.regionMatches(ignoreCase, offset, pattern, 0,
                pattern.length());
    }

    /** The pattern occurs as a whole part between delimiters (or the ends). */
    private boolean delimited(String value, String pattern, String delimiters) {
        int from = 0;
        while (true) {
            int at = indexOf(value, pattern, from);
            if (at < 0) {
                return false;
            }
            int end = at + pattern.length();
            boolean left = at == 0 || delimiters.indexOf(value.charAt(at - 1)) >= 0;
            boolean right = end == value.length() || delimiters.indexOf(value.charAt(end)) >= 0;
            if (left && right) {
                return true;
            }
            from = at + 1;
        }
    }

    private int indexOf(String value, String pattern, int from) {
        for (int at = from; at + pattern.length() <= value.length(); at++) {
            if (startsAt(value, pattern, at)) {
                return at;
            }
        }
        return -1;
    }
}
