package io.bramble.cli.install;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing {@code bramble install} puts in place: a symbolic link to one of bramble's files,
 * or a file written with the given text.
 *
 * @param path where it goes (under the install root)
 * @param link true for a symbolic link to {@code content}, false for a file holding it
 * @param content the link's target, or the file's text
 * @param purpose what it is for, shown to the user
 */
public record InstallItem(Path path, boolean link, String content, String purpose) {
    public InstallItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(purpose, "purpose");
    }

    static InstallItem link(Path path, Path target, String purpose) {
        return new InstallItem(path, true, target.toString(), purpose);
    }

    static InstallItem file(Path path, String text, String purpose) {
        return new InstallItem(path, false, text, purpose);
    }
}
