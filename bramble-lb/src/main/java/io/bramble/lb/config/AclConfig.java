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
 * @param userlist the section {@link AclFetch#HTTP_AUTH} and {@link AclFetch#HTTP_AUTH_GROUP}
 *        check, bound once the whole file is read; empty for the other fetches
 * @param stickFetch what {@link AclFetch#STICK} reads; empty for the other fetches
 */
public record AclConfig(String name, AclFetch fetch, Optional<String> fetchArgument,
        AclMatch match, List<String> patterns, boolean ignoreCase, ConfigLocation location,
        Optional<Userlist> userlist, Optional<StickFetch> stickFetch) {
    /** Bound on patterns per ACL line, to keep evaluation cost bounded. */
    public static final int PATTERNS_MAX = 10_000;

    /** An ACL that needs no userlist. */
    public AclConfig(String name, AclFetch fetch, Optional<String> fetchArgument,
            AclMatch match, List<String> patterns, boolean ignoreCase,
            ConfigLocation location) {
        this(name, fetch, fetchArgument, match, patterns, ignoreCase, location,
                Optional.empty(), Optional.empty());
    }

    /** An ACL on a stick table: its patterns are integer ranges. */
    public static AclConfig stick(String name, StickFetch fetch, List<String> patterns,
            ConfigLocation location) {
        return new AclConfig(name, AclFetch.STICK, Optional.empty(), AclMatch.INTEGER,
                patterns, false, location, Optional.empty(), Optional.of(fetch));
    }

    /** This ACL checking credentials against {@code list}. */
    public AclConfig withUserlist(Userlist list) {
        return new AclConfig(name, fetch, fetchArgument, match, patterns, ignoreCase, location,
                Optional.of(list), stickFetch);
    }

    /** The record's form, naming the userlist only where there is one, its users unshown. */
    @Override
    public String toString() {
        return "AclConfig[name=" + name + ", fetch=" + fetch + ", fetchArgument="
                + fetchArgument + ", match=" + match + ", patterns=" + patterns
                + ", ignoreCase=" + ignoreCase + ", location=" + location
                + userlist.map(u -> ", userlist=" + u.name()).orElse("")
                + stickFetch.map(f -> ", stickFetch=" + f).orElse("") + "]";
    }

    public AclConfig {
        patterns = List.copyOf(patterns);
        if (patterns.size() > PATTERNS_MAX) {
            throw new IllegalArgumentException(
                    "at most " + PATTERNS_MAX + " patterns per acl, got " + patterns.size());
        }
    }
}
