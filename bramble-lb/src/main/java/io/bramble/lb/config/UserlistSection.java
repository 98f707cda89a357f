package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.config.Location;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lines of one {@code userlist NAME} section as read: {@code user} and {@code group}, in
 * any order. A user or group named twice keeps its first line, with a warning; a group or
 * user named but not declared in the section is an error at the line naming it, as HAProxy
 * refuses it.
 */
final class UserlistSection {
    static final KeywordTable<UserlistSection> TABLE = new KeywordTable<UserlistSection>(
            "a userlist section").keyword("user", UserlistSection::user)
            .keyword("group", UserlistSection::group);

    private record UserLine(UserPassword password, List<String> groups, Location where) {}

    private record GroupLine(List<String> users, Location where) {}

    final String name;
    final Location where;
    private final Map<String, UserLine> users = new LinkedHashMap<>();
    private final Map<String, GroupLine> groups = new LinkedHashMap<>();

    UserlistSection(String name, Location where) {
        this.name = name;
        this.where = where;
    }

    /** {@code user NAME password HASH | insecure-password PASS [groups G,...]}. */
    private static void user(UserlistSection s, Args a) {
        String user = a.next("a user name");
        UserPassword password = null;
        List<String> groups = List.of();
        while (a.hasNext()) {
            String option = a.next("an option");
            switch (option) {
                case "password" -> password = hashed(a);
                case "insecure-password" -> password = new UserPassword.Clear(
                        a.next("a password"));
                case "groups" -> groups = names(a, "a group name or names separated by ','");
                default -> throw a.fail("'user' takes password, insecure-password and groups, "
                        + "got " + Args.quote(option));
            }
        }
        if (password == null) {
            throw a.fail("expected 'password HASH' or 'insecure-password PASSWORD' for user "
                    + Args.quote(user) + "; without one bramble has nothing to check");
        }
        if (s.users.containsKey(user)) {
            a.warning("ignoring user " + Args.quote(user) + " named again in userlist "
                    + Args.quote(s.name) + ", as HAProxy does; its first line stands");
            return;
        }
        bounded(a, s.users.size());
        s.users.put(user, new UserLine(password, groups, a.where()));
    }

    private static UserPassword hashed(Args a) {
        String hash = a.next("a crypt(3) password hash");
        Optional<String> refusal = CryptHash.refusal(hash);
        if (refusal.isPresent()) {
            throw a.fail(refusal.get());
        }
        return new UserPassword.Hashed(hash);
    }

    /** {@code group NAME [users U,...]}. */
    private static void group(UserlistSection s, Args a) {
        String group = a.next("a group name");
        List<String> users = List.of();
        if (a.nextIf("users")) {
            users = names(a, "a user name or names separated by ','");
        }
        a.end();
        if (s.groups.containsKey(group)) {
            a.warning("ignoring group " + Args.quote(group) + " named again in userlist "
                    + Args.quote(s.name) + ", as HAProxy does; its first line stands");
            return;
        }
        bounded(a, s.groups.size());
        s.groups.put(group, new GroupLine(users, a.where()));
    }

    private static List<String> names(Args a, String what) {
        List<String> names = List.of(a.next(what).split(",", -1));
        if (names.size() > Userlist.ENTRIES_MAX || names.contains("")) {
            throw a.fail("expected " + what + ", at most " + Userlist.ENTRIES_MAX
                    + ", none empty");
        }
        return names;
    }

    private static void bounded(Args a, int entries) {
        if (entries >= Userlist.ENTRIES_MAX) {
            throw a.fail("at most " + Userlist.ENTRIES_MAX + " users and "
                    + Userlist.ENTRIES_MAX + " groups per userlist");
        }
    }

    /**
     * The section, each user with the groups its line names and those whose line names it;
     * a name that is not declared here is reported at its line.
     */
    Userlist build(Diagnostics diagnostics) {
        Map<String, Set<String>> memberships = new HashMap<>();
        users.forEach((user, line) -> {
            Set<String> own = memberships.computeIfAbsent(user, u -> new HashSet<>());
            for (String group : line.groups()) {
                if (groups.containsKey(group)) {
                    own.add(group);
                } else {
                    diagnostics.error(line.where(), "user", "no group " + Args.quote(group)
                            + " in userlist " + Args.quote(name) + " for user "
                            + Args.quote(user));
                }
            }
        });
        groups.forEach((group, line) -> {
            for (String user : line.users()) {
                if (users.containsKey(user)) {
                    memberships.get(user).add(group);
                } else {
                    diagnostics.error(line.where(), "group", "no user " + Args.quote(user)
                            + " in userlist " + Args.quote(name) + " for group "
                            + Args.quote(group));
                }
            }
        });
        Map<String, Userlist.User> built = new LinkedHashMap<>();
        users.forEach((user, line) -> built.put(user, new Userlist.User(user, line.password(),
                memberships.get(user))));
        return new Userlist(name, built, groups.keySet());
    }
}
