package io.bramble.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A brick folder as the demo shows it: each file with its size, and the text of a short one,
 * without bramble's own {@code .bramble} folder. Read on the brick's disk directly, as a user
 * would look with ls and cat on the node.
 */
final class BrickView {
    /** Files up to this size show their text. */
    static final int TEXT_BYTES_MAX = 200;

    private BrickView() {
    }

    static List<String> entries(Path brick) {
        try (Stream<Path> files = Files.list(brick)) {
            List<String> shown = files.filter(path -> !path.getFileName().toString().equals(
                    ".bramble")).sorted().map(BrickView::describe).toList();
            return shown.isEmpty() ? List.of("(empty)") : shown;
        } catch (IOException e) {
            return List.of("(cannot list it: " + e.getMessage() + ")");
        }
    }

    private static String describe(Path file) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            String text = Files.isRegularFile(file) && size <= TEXT_BYTES_MAX
                    ? "   \"" + new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                            .strip() + "\""
                    : "";
            return String.format(Locale.ROOT, "%-8s %4d bytes%s", name, size, text);
        } catch (IOException e) {
            return name + "   (unreadable: " + e.getMessage() + ")";
        }
    }
}
