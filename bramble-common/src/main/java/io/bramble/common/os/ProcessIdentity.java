package io.bramble.common.os;

import java.util.List;
import java.util.OptionalInt;

/**
 * The user and groups a process switches to. Ids are Linux's unsigned 32-bit ones, kept in
 * an {@code int}; {@link #text} shows them unsigned.
 *
 * @param uid the user id for the real, effective and saved uids; empty to keep the current
 * @param gid the group id for the real, effective and saved gids; empty to keep the current
 * @param groups the supplementary groups, set only when {@code gid} is present
 * @param description how a user reads it, such as {@code user 'haproxy' (uid 102)}
 */
public record ProcessIdentity(OptionalInt uid, OptionalInt gid, List<Integer> groups,
        String description) {
    /** Linux allows at most this many supplementary groups (NGROUPS_MAX). */
    public static final int GROUPS_MAX = 65_536;

    public ProcessIdentity {
        groups = List.copyOf(groups);
        if (gid.isEmpty() && !groups.isEmpty()) {
            throw new IllegalArgumentException("supplementary groups need a group id");
        }
        if (groups.size() > GROUPS_MAX) {
            throw new IllegalArgumentException(groups.size() + " supplementary groups, more "
                    + "than Linux's " + GROUPS_MAX);
        }
    }

    /** An id as Linux shows it: unsigned. */
    public static String text(int id) {
        return Integer.toUnsignedString(id);
    }

    @Override
    public String toString() {
        return description;
    }
}
