package io.bramble.testkit.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders for {@code bramble web} whose index page names the server, to tell servers apart. */
public final class WebRoots {
    private WebRoots() {
    }

    /** A folder under {@code parent} whose {@code index.html} says {@code "I am NAME"}. */
    public static Path named(Path parent, String name) {
        try {
            Path root = Files.createDirectories(parent.resolve(name));
            Files.writeString(root.resolve("index.html"), page(name));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page {@link #named} writes for {@code name}. */
    public static String page(String name) {
        return "<html><body>I am " + name + "</body></html>\n";
    }
}
