package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.List;
import java.util.Map;

/**
 * Binds each {@code http_auth(USERLIST)} and {@code http_auth_group(USERLIST)} ACL of a proxy
 * to its userlist once the whole file is read (a userlist may stand below the proxy), and
 * refuses, at the ACL's line, a userlist or group the file does not declare, as HAProxy does.
 */
final class UserlistReferences {
    private UserlistReferences() {
    }

    static void bind(ProxySection section, Map<String, Userlist> userlists,
            Diagnostics diagnostics) {
        List<AclConfig> acls = section.builder.acls;
        for (int i = 0; i < acls.size(); i++) {
            AclConfig acl = acls.get(i);
            if (acl.fetch() != AclFetch.HTTP_AUTH && acl.fetch() != AclFetch.HTTP_AUTH_GROUP
                    || acl.userlist().isPresent()) {
                continue;
            }
            Location where = new Location(acl.location().file(), acl.location().line());
            String name = acl.fetchArgument().orElse("");
            Userlist userlist = userlists.get(name);
            if (userlist == null) {
                diagnostics.error(where, "acl", "no userlist named " + Args.quote(name)
                        + " in the file");
                continue;
            }
            for (String group : acl.fetch() == AclFetch.HTTP_AUTH_GROUP
                    ? acl.patterns()
                    : List.<String>of()) {
                if (!userlist.groups().contains(group)) {
                    diagnostics.error(where, "acl", "no group " + Args.quote(group)
                            + " in userlist " + Args.quote(name));
                }
            }
            acls.set(i, acl.withUserlist(userlist));
        }
    }
}
