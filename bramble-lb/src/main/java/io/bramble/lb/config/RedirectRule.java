package io.bramble.lb.config;

import io.bramble.lb.format.LogFormatString;
import java.util.Optional;

/**
 * {@code redirect location|prefix|scheme TARGET [code N] [drop-query] [append-slash]
 * [ignore-empty] [if|unless COND]}, also the action of {@code http-request redirect}.
 *
 * @param kind what the target replaces
 * @param target the location, prefix or scheme: a log-format string in
 *        {@code http-request redirect}, the text as written (a literal) in {@code redirect}
 * @param status 301, 302, 303, 307 or 308; {@value #STATUS_DEFAULT} by default
 * @param dropQuery drop the query string from the redirected URL (prefix and scheme)
 * @param appendSlash end the Location with a slash when it lacks one (prefix and scheme)
 * @param ignoreEmpty skip the rule when its location renders empty; as in HAProxy, only an
 *        {@code http-request redirect location} has it
 * @param condition when it applies; always when empty
 * @param location where it was written
 */
public record RedirectRule(Kind kind, LogFormatString target, int status, boolean dropQuery,
        boolean appendSlash, boolean ignoreEmpty, Optional<Condition> condition,
        ConfigLocation location) {
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
