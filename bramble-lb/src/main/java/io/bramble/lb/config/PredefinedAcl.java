package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * The ACLs every proxy knows without declaring them, as HAProxy predefines them. A condition
 * may name them ({@code stats admin if LOCALHOST}); a user ACL of the same name takes
 * precedence.
 */
public enum PredefinedAcl {
    TRUE(AclFetch.ALWAYS_TRUE, AclMatch.FOUND), FALSE(AclFetch.ALWAYS_FALSE,
            AclMatch.FOUND), LOCALHOST(AclFetch.SRC, AclMatch.IP, "127.0.0.1/8",
                    "::1"), METH_CONNECT(AclFetch.METHOD, AclMatch.EXACT, "CONNECT"), METH_DELETE(
                            AclFetch.METHOD, AclMatch.EXACT, "DELETE"), METH_GET(AclFetch.METHOD,
                                    AclMatch.EXACT, "GET", "HEAD"), METH_HEAD(AclFetch.METHOD,
                                            AclMatch.EXACT, "HEAD"), METH_OPTIONS(AclFetch.METHOD,
                                                    AclMatch.EXACT, "OPTIONS"), METH_POST(
                                                            AclFetch.METHOD, AclMatch.EXACT,
                                                            "POST"), METH_PUT(AclFetch.METHOD,
                                                                    AclMatch.EXACT,
                                                                    "PUT"), METH_TRACE(
                                                                            AclFetch.METHOD,
                                                                            AclMatch.EXACT,
                                                                            "TRACE");

    private final AclConfig acl;

    PredefinedAcl(AclFetch fetch, AclMatch match, String... patterns) {
        this.acl = new AclConfig(name(), fetch, Optional.empty(), match, List.of(patterns),
                false, ConfigLocation.NONE);
    }

    /** The definition, as if written in the file. */
    public AclConfig acl() {
        return acl;
    }

    /** The predefined ACL of that name, if any. */
    public static Optional<PredefinedAcl> named(String name) {
        for (PredefinedAcl predefined : values()) {
            if (predefined.name().equals(name)) {
                return Optional.of(predefined);
            }
        }
        return Optional.empty();
    }
}
