package io.bramble.lb.config;

import java.util.Optional;

/**
 * {@code redirect location|prefix|scheme TARGET [code N] [drop-query] [append-slash]
 * [if|unless COND]}, also the action of {@code http-request redirect}.
 *
 * @param kind what the target replaces
 * @param target the location, prefix or scheme
 * @param status 301, 302, 303, 307 or 308; {@value #STATUS_DEFAULT} by default
 * @param dropQuery drop the query string from the redirected URL (prefix mode)
 * @param appendSlash add a slash to a path that lacks one (prefix mode)
 * @param condition when it applies; always when empty
 * @param location where it was written
 */
public record RedirectRule(Kind kind, String target, int status, boolean dropQuery,
        boolean appendSlash, Optional<Condition> condition, ConfigLocation location) {
    public static final int STATUS_DEFAULT = 302;

    public RedirectRule {
        if (status != 301 && status != 302 && status != 303 && status != 307
                && status != 308) {
            throw new IllegalArgumentException(
                    "redirect code must be 301, 302, 303, 307 or 308, got " + status);
        }
    }

    /** What the target of a redirect replaces. */
    public enum Kind {
        /** The whole Location is the target. */
        LOCATION,
        /** The target is put in front of the request's path. */
        PREFIX,
        /** The request is sent again with this scheme (http to https). */
        SCHEME
    }
}
