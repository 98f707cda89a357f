package io.bramble.cli.install;

import io.bramble.common.error.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts {@link InstallItem}s in place, or takes them away, and says what it did, a line an
 * item. It changes nothing while anything at one of the places is not what bramble would put
 * there, unless told to replace it: a user's own file is never overwritten silently.
 */
public final class Installer {
    /** What is at an item's place now. */
    enum State {
        ABSENT, IN_PLACE, OTHER
    }

    private Installer() {
    }

    /** Installs {@code items}; {@code replace} lets it overwrite what differs. */
    public static List<String> install(List<InstallItem> items, boolean replace) {
        List<InstallItem> others = items.stream().filter(item -> state(item) == State.OTHER)
                .toList();
        if (!others.isEmpty() && !replace) {
            throw UserError.usage("nothing installed: " + others.stream().map(item -> item
                    .path() + " exists and is not "
                    + (item.link()
                            ? "a link to "
                                    + item.content()
                            : "bramble's"))
                    .toList() + "; move it away, or"
                    + " run 'bramble install --force' to replace it");
        }
        List<String> report = new ArrayList<>();
        for (InstallItem item : items) {
            if (state(item) == State.IN_PLACE) {
                report.add("in place: " + describe(item));
                continue;
            }
            put(item);
            report.add((item.link() ? "linked " : "wrote ") + describe(item));
        }
        return report;
    }

    /** Removes the items that are bramble's; leaves anything else where it is. */
    public static List<String> remove(List<InstallItem> items) {
        List<String> report = new ArrayList<>();
        for (InstallItem item : items) {
            switch (state(item)) {
                case IN_PLACE -> {
                    delete(item.path());
                    report.add("removed " + item.path());
                }
                case OTHER -> report.add("left " + item.path() + ": it is not bramble's");
                case ABSENT -> report.add("not there: " + item.path());
            }
        }
        return report;
    }

    static State state(InstallItem item) {
        Path path = item.path();
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return State.ABSENT;
            }
            if (item.link()) {
                return Files.isSymbolicLink(path) && Files.readSymbolicLink(path).toString()
                        .equals(item.content()) ? State.IN_PLACE : State.OTHER;
            }
            return !Files.isSymbolicLink(path) && Files.isRegularFile(path) && Files.readString(
                    path, StandardCharsets.UTF_8).equals(item.content())
                            ? State.IN_PLACE
                            : State.OTHER;
        } catch (IOException e) {
            return State.OTHER;
        }
    }

    private static String describe(InstallItem item) {
        return item.path() + (item.link() ? " -> " + item.content() : "") + " ("
                + item.purpose() + ")";
    }

    private static void put(InstallItem item) {
        Path path = item.path();
        try {
            Files.createDirectories(path.getParent());
            // Made beside it and moved over it: the old one stays whole until the new one is.
            Path fresh = path.resolveSibling("." + path.getFileName() + ".bramble-new");
            Files.deleteIfExists(fresh);
            if (item.link()) {
                Files.createSymbolicLink(fresh, Path.of(item.content()));
            } else {
                Files.writeString(fresh, item.content(), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString(
                        "rw-r--r--"));
            }
            Files.move(fresh, path, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
        }
    }
}
