package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * One {@code acl NAME CRITERION [FLAGS] PATTERN...} line. Several lines with the same name
 * form one ACL that matches when any of them matches, as in HAProxy.
 *
 * @param name the ACL name used in conditions
 * @param fetch what is looked at
 * @param fetchArgument the header name for {@link AclFetch#HDR}, empty otherwise
 * @param match how it is compared
 * @param patterns matches when any pattern matches; for {@link AclMatch#IP} each is a
 *        {@link io.bramble.common.net.Cidr} text
 * @param ignoreCase the {@code -i} flag
 * @param location where it was written
 */
public record AclConfig(String name, AclFetch fetch, Optional<String> fetchArgument,
        AclMatch match, List<String> patterns, boolean ignoreCase, ConfigLocation location) {
    /** Bound on patterns per ACL line, to keep evaluation cost bounded. */
    public static final int PATTERNS_MAX = 10_000;

    public AclConfig {
        patterns = List.copyOf(patterns);
        if (patterns.size() > PATTERNS_MAX) {
            throw new IllegalArgumentException(
                    "at most " + PATTERNS_MAX + " patterns per acl, got " + patterns.size());
        }
    }
}
