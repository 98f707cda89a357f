package io.bramble.common.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The local user and group accounts, from {@code /etc/passwd} and {@code /etc/group}
 * (passwd(5), group(5)): names to ids, and the groups that list a user as a member. Accounts
 * kept elsewhere (LDAP, systemd's dynamic users) are not seen; numeric ids reach those.
 */
public final class Accounts {
    static final Path PASSWD = Path.of("/etc/passwd");
    static final Path GROUP = Path.of("/etc/group");
    /** Bounds the read of each file; a larger one is read up to here. */
    private static final int FILE_BYTES_MAX = 16 * 1024 * 1024;
    /** The largest id Linux gives; (uid_t) -1 means "no change" to the set*id calls. */
    public static final long ID_MAX = 0xFFFF_FFFEL;

    /** A line of {@code /etc/passwd}: its name, user id and primary group id. */
    public record User(String name, int uid, int gid) {}

    /** A line of {@code /etc/group}: its name, id and the user names listed as members. */
    public record Group(String name, int gid, List<String> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    private final Map<String, User> users;
    private final Map<String, Group> groups;

    private Accounts(Map<String, User> users, Map<String, Group> groups) {
        this.users = users;
        this.groups = groups;
    }

    /** This machine's accounts, read now; a file that cannot be read counts as empty. */
    public static Accounts system() {
        return parse(lines(PASSWD), lines(GROUP));
    }

    /**
     * Accounts from the lines of a passwd and a group file. Lines that do not parse (comments,
     * NIS {@code +} entries, ids out of range) are skipped; of two lines with one name, the
     * first counts, as for getpwnam(3).
     */
    public static Accounts parse(List<String> passwd, List<String> group) {
        Map<String, User> users = new LinkedHashMap<>();
        for (String line : passwd) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 4 && validName(fields[0])) {
                OptionalInt uid = id(fields[2]);
                OptionalInt gid = id(fields[3]);
                if (uid.isPresent() && gid.isPresent()) {
                    users.putIfAbsent(fields[0], new User(fields[0], uid.getAsInt(),
                            gid.getAsInt()));
                }
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String line : group) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 3 && validName(fields[0])) {
                OptionalInt gid = id(fields[2]);
                List<String> members = fields.length < 4 || fields[3].isBlank()
                        ? List.of()
                        : List.of(fields[3].strip().split(","));
                if (gid.isPresent()) {
                    groups.putIfAbsent(fields[0], new Group(fields[0], gid.getAsInt(),
                            members));
                }
            }
        }
        return new Accounts(users, groups);
    }

    /** The user named {@code name}. */
    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** The first user whose id is {@code uid}. */
    public Optional<User> userById(int uid) {
        return users.values().stream().filter(u -> u.uid() == uid).findFirst();
    }

    /** The group named {@code name}. */
    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /**
     * The groups a login of {@code user} would have, as initgroups(3) gives them: {@code gid}
     * first, then every group that lists {@code user} as a member, each once, in file order.
     */
    public List<Integer> groupsOf(String user, int gid) {
        List<Integer> ids = new ArrayList<>();
        ids.add(gid);
        for (Group group : groups.values()) {
            if (group.members().contains(user) && !ids.contains(group.gid())) {
                ids.add(group.gid());
            }
        }
        return List.copyOf(ids);
    }

    /** A decimal id from 0 to {@link #ID_MAX}, as Linux's uid_t and gid_t hold them. */
    public static OptionalInt id(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        long value = Long.parseLong(text);
        return value <= ID_MAX ? OptionalInt.of((int) value) : OptionalInt.empty();
    }

    private static boolean validName(String name) {
        return !name.isEmpty() && !name.startsWith("+") && !name.startsWith("-")
                && !name.startsWith("#");
    }

    private static List<String> lines(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return List.of(new String(in.readNBytes(FILE_BYTES_MAX), StandardCharsets.UTF_8)
                    .split("\n"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
