package io.bramble.vrrp.core;

import io.bramble.common.check.Checks;
import java.util.List;

/**
 * A {@code vrrp_sync_group}: instances that must be master on the same node, such as the
 * outside and inside addresses of a router.
 *
 * @param name the group's name from the config
 * @param members instance names, at least one
 */
public record SyncGroupSettings(String name, List<String> members) {
    public SyncGroupSettings {
        Checks.argument(name != null && !name.isBlank(), "a sync group needs a name");
        members = List.copyOf(members);
        Checks.argument(!members.isEmpty(), "sync group " + name + " has no instances");
    }
}
