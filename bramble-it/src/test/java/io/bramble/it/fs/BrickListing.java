package io.bramble.it.fs;

import io.bramble.testkit.exec.Exec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A brick folder as {@code ls -la} shows it on its machine (with numeric ids and ISO times,
 * which parse reliably): its entries by name, without {@code .}, {@code ..} and bramble's own
 * {@code .bramble} folder.
 *
 * @param text what ls printed, for failure messages
 * @param entries the entries in ls's order
 */
record BrickListing(String text, Map<String, BrickListing.Entry> entries) {
    private static final Duration LS_TIMEOUT = Duration.ofSeconds(30);
    /** mode, links, uid, gid, size, date and time come before the name. */
    private static final int FIELDS_BEFORE_NAME = 7;

    /**
     * One line of the listing.
     *
     * @param mode ls's mode column, such as {@code -rw-r--r--} or {@code ---------T}
     * @param uid the owner's id
     * @param gid the group's id
     * @param sizeBytes the size column
     * @param linkTarget a symbolic link's target, else empty
     */
    record Entry(String mode, int uid, int gid, long sizeBytes, String linkTarget) {
        /** A distribute pointer: empty, mode {@code 01000}, data on another brick. */
        boolean isPointer() {
            return mode.equals("---------T") && sizeBytes == 0;
        }
    }

    static BrickListing of(Path brick) {
        String text = Exec.check(LS_TIMEOUT, "ls", "-lan", "--time-style=long-iso",
                brick.toString()).output();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : text.lines().skip(1).toList()) {
            String[] fields = line.split(" +", FIELDS_BEFORE_NAME + 1);
            String name = fields[FIELDS_BEFORE_NAME];
            String target = "";
            int arrow = name.indexOf(" -> ");
            if (fields[0].startsWith("l") && arrow > 0) {
                target = name.substring(arrow + 4);
                name = name.substring(0, arrow);
            }
            if (!name.equals(".") && !name.equals("..") && !name.equals(".bramble")) {
                entries.put(name,
                        new Entry(fields[0].replaceAll("[.+@]$", ""), Integer.parseInt(fields[2]),
                                Integer
                                        .parseInt(fields[3]),
                                Long.parseLong(fields[4]), target));
            }
        }
        return new BrickListing(text, entries);
    }

    Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new AssertionError("no " + name + " in the brick:\n" + text);
        }
        return entry;
    }
}
