package io.bramble.lb.format;

import java.util.Optional;

/**
 * The parts of a request target that fetches and tags show, cut as HAProxy 2.6 cuts them:
 * the path starts at the first {@code /} of an origin-form target or after an absolute
 * target's authority ({@code *} and an authority alone have none), and ends at the first
 * {@code ?}, which starts the query.
 */
public final class RequestTarget {
    private RequestTarget() {
    }

    /** The path without the query; empty when the target has none. */
    public static Optional<String> path(String target) {
        int start = pathStart(target);
        if (start < 0) {
            return Optional.empty();
        }
        return Optional.of(withoutQuery(target).substring(start));
    }

    /** What follows the first {@code ?}; empty when there is none. */
    static Optional<String> query(String target) {
        int mark = target.indexOf('?');
        return mark < 0 ? Optional.empty() : Optional.of(target.substring(mark + 1));
    }

    /** The target up to its first {@code ?} ({@code %HP}). */
    static String withoutQuery(String target) {
        int mark = target.indexOf('?');
        return mark < 0 ? target : target.substring(0, mark);
    }

    /** The query with its {@code ?}, or nothing ({@code %HQ}). */
    static String markedQuery(String target) {
        int mark = target.indexOf('?');
        return mark < 0 ? "" : target.substring(mark);
    }

    /** The path and query, as redirects append them; null when the target has no path. */
    public static String pathAndQuery(String target) {
        int start = pathStart(target);
        return start < 0 ? null : target.substring(start);
    }

    /**
     * {@code target} with its path replaced by {@code path}, its query kept; an absolute
     * target keeps its scheme and authority. Only for a target with a path ({@link #path}).
     */
    public static String withPath(String target, String path) {
        int start = pathStart(target);
        if (start < 0) {
            throw new IllegalArgumentException("no path in " + target);
        }
        return target.substring(0, start) + path + markedQuery(target.substring(start));
    }

    private static int pathStart(String target) {
        if (target.startsWith("/")) {
            return 0;
        }
        int scheme = target.indexOf("://");
        if (scheme <= 0) {
            return -1;
        }
        int end = target.length();
        int mark = target.indexOf('?', scheme + 3);
        if (mark >= 0) {
            end = mark;
        }
        int slash = target.indexOf('/', scheme + 3);
        return slash >= 0 && slash < end ? slash : -1;
    }
}
