package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import io.bramble.common.os.Accounts;
import io.bramble.common.os.ProcessIdentity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The {@code user}/{@code uid} and {@code group}/{@code gid} lines of the global section while
 * they are read, names resolved against the machine's accounts as HAProxy does at parse time.
 * As in HAProxy, the first user (or uid) and the first group (or gid) count; a later one is
 * ignored with a warning. Unlike HAProxy, a user without a group takes the user's own group
 * and supplementary groups, not root's.
 */
final class IdentityDraft {
    private final Supplier<Accounts> accountsSource;
    private final boolean runningAsRoot;
    private Accounts accounts;
    private OptionalInt uid = OptionalInt.empty();
    private String userName;
    private OptionalInt userGid = OptionalInt.empty();
    private Location uidWhere;
    private OptionalInt gid = OptionalInt.empty();
    private String groupName;

    IdentityDraft(Supplier<Accounts> accounts, boolean runningAsRoot) {
        this.accountsSource = accounts;
        this.runningAsRoot = runningAsRoot;
    }

    /** {@code user NAME}: its uid, and its group unless the file names one. */
    void user(Args a) {
        String name = single(a, "a user name");
        if (userAlreadySet(a)) {
            return;
        }
        Accounts.User user = accounts().user(name).orElseThrow(() -> a.fail("cannot find user "
                + Args.quote(name) + " in /etc/passwd; give its number with 'uid' if it is "
                + "defined elsewhere"));
        setUser(a, user.uid(), name, OptionalInt.of(user.gid()));
    }

    /** {@code uid NUMBER}. */
    void uid(Args a) {
        int id = number(a, "a user id");
        if (userAlreadySet(a)) {
            return;
        }
        Optional<Accounts.User> known = accounts().userById(id);
        setUser(a, id, known.map(Accounts.User::name).orElse(null), known.map(u -> OptionalInt
                .of(u.gid())).orElse(OptionalInt.empty()));
    }

    /** {@code group NAME}. */
    void group(Args a) {
        String name = single(a, "a group name");
        if (groupAlreadySet(a)) {
            return;
        }
        Accounts.Group group = accounts().group(name).orElseThrow(() -> a.fail(
                "cannot find group " + Args.quote(name) + " in /etc/group; give its number "
                        + "with 'gid' if it is defined elsewhere"));
        setGroup(a, group.gid(), name);
    }

    /** {@code gid NUMBER}. */
    void gid(Args a) {
        int id = number(a, "a group id");
        if (!groupAlreadySet(a)) {
            setGroup(a, id, null);
        }
    }

    /** Warns, once the section is read, when a uid leaves the process in root's group. */
    void finish(Diagnostics diagnostics) {
        if (uid.isPresent() && gid.isEmpty() && userGid.isEmpty() && runningAsRoot) {
            diagnostics.warning(uidWhere, "uid", "uid " + ProcessIdentity.text(uid.getAsInt())
                    + " has no line in /etc/passwd to give its group, so the process stays in"
                    + " root's group (gid 0), as HAProxy does; add 'gid' or 'group'");
        }
    }

    /** The identity the file asks for; empty without user, uid, group and gid. */
    Optional<ProcessIdentity> build() {
        if (uid.isEmpty() && gid.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt groupId = gid.isPresent() ? gid : userGid;
        List<Integer> groups = List.of();
        if (groupId.isPresent()) {
            groups = userName != null
                    ? accounts().groupsOf(userName, groupId.getAsInt())
                    : List.of(groupId.getAsInt());
        }
        return Optional.of(new ProcessIdentity(uid, groupId, groups, describe(groupId)));
    }

    private String describe(OptionalInt groupId) {
        StringBuilder text = new StringBuilder();
        if (uid.isPresent()) {
            text.append(userName != null ? "user '" + userName + "' (uid " : "(uid ")
                    .append(ProcessIdentity.text(uid.getAsInt())).append(")");
        }
        if (groupId.isPresent()) {
            text.append(text.isEmpty() ? "" : ", ");
            if (groupName != null) {
                text.append("group '").append(groupName).append("' (gid ");
            } else {
                text.append(gid.isPresent() ? "(gid " : "its group (gid ");
            }
            text.append(ProcessIdentity.text(groupId.getAsInt())).append(")");
        }
        return text.toString();
    }

    private void setUser(Args a, int id, String name, OptionalInt primaryGid) {
        uid = OptionalInt.of(id);
        userName = name;
        userGid = primaryGid;
        uidWhere = a.where();
        warnIfNotRoot(a, "user", a.keyword().equals("user")
                ? "user '" + name + "'"
                : "uid " + ProcessIdentity.text(id));
    }

    private void setGroup(Args a, int id, String name) {
        gid = OptionalInt.of(id);
        groupName = name;
        warnIfNotRoot(a, "group", name != null
                ? "group '" + name + "'"
                : "gid " + ProcessIdentity.text(id));
    }

    private boolean userAlreadySet(Args a) {
        if (uid.isEmpty()) {
            return false;
        }
        a.warning("ignored: user/uid already set at line " + uidWhere.line() + "; the first "
                + "one counts, as in HAProxy");
        return true;
    }

    private boolean groupAlreadySet(Args a) {
        if (gid.isEmpty()) {
            return false;
        }
        a.warning("ignored: group/gid already set; the first one counts, as in HAProxy");
        return true;
    }

    private void warnIfNotRoot(Args a, String what, String target) {
        if (!runningAsRoot) {
            a.warning("ignored: bramble is not running as root, so it cannot switch to "
                    + target + "; it keeps running as the current " + what);
        }
    }

    private Accounts accounts() {
        if (accounts == null) {
            accounts = accountsSource.get();
        }
        return accounts;
    }

    private static String single(Args a, String what) {
        String value = a.next(what);
        a.end();
        return value;
    }

    private static int number(Args a, String what) {
        String text = a.next(what);
        a.end();
        OptionalInt id = Accounts.id(text);
        if (id.isEmpty()) {
            throw a.unexpected(what + " (a number from 0 to " + Accounts.ID_MAX + "; for a "
                    + "name use " + (what.contains("user") ? "'user'" : "'group'") + ")",
                    text);
        }
        return id.getAsInt();
    }
}
