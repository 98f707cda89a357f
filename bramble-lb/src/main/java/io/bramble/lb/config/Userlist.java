package io.bramble.lb.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code userlist NAME} section: its users with their passwords and groups, which
 * {@code http_auth(NAME)} and {@code http_auth_group(NAME)} check a request's basic
 * credentials against.
 *
 * @param name the section's name
 * @param users by name; each knows its groups, whether named on its line or the group's
 * @param groups every group the section declares
 */
public record Userlist(String name, Map<String, User> users, Set<String> groups) {
    /** Users per section, groups per section and groups per user. */
    public static final int ENTRIES_MAX = 10_000;

    public Userlist {
        users = Map.copyOf(users);
        groups = Set.copyOf(groups);
    }

    /** The user of that name, if the section has one. */
    public Optional<User> user(String userName) {
        return Optional.ofNullable(users.get(userName));
    }

    /**
     * One {@code user NAME password HASH | insecure-password PASS [groups G,...]} line.
     *
     * @param name the user name
     * @param password never shown
     * @param groups the groups the user belongs to
     */
    public record User(String name, UserPassword password, Set<String> groups) {
        public User {
            groups = Set.copyOf(groups);
        }
    }
}
