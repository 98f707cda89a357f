package io.bramble.web.files;

import io.bramble.common.check.Checks;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Finds the file a {@link RequestPath} names under one root, the way Apache does for a
 * directory with {@code DirectoryIndex index.html} and without {@code Indexes}: a directory
 * serves its {@code index.html} or is forbidden; a directory named without its trailing slash
 * is redirected to it. Symbolic links are followed only while they stay inside the root.
 */
public final class FileLookup {
    /** The file served for a directory. */
    public static final String INDEX_FILE = "index.html";

    private final Path root;

    /** @param root an existing directory; its real path is what every file must stay under */
    public FileLookup(Path root) throws IOException {
        this.root = root.toRealPath();
        Checks.argument(Files.isDirectory(this.root), "not a directory: " + root);
    }

    /** The real path of the root, with every link resolved. */
    public Path root() {
        return root;
    }

    /** What to answer for a request of {@code path}. */
    public sealed interface Found permits RegularFile, Redirect, NotFound, Forbidden {
    }

    /**
     * A file to send. {@code path} is real (no links left), so what is sent is what was checked;
     * {@code name} is the name the client asked for (or {@code index.html}), which gives the
     * content type even when a link points to a file named otherwise.
     */
    public record RegularFile(Path path, String name, long sizeBytes,
            long modifiedEpochMillis) implements Found {}

    /** The client should ask again at {@code target} (a directory without its slash). */
    public record Redirect(String target) implements Found {}

    public record NotFound() implements Found {}

    /** The file exists but is not served: outside the root, not readable, no index. */
    public record Forbidden(String why) implements Found {}

    /** Looks {@code path} up on the file system; never throws for what a client may ask. */
    public Found find(RequestPath path) {
        Path named = root;
        for (String segment : path.segments()) {
            named = named.resolve(segment);
        }
        try {
            Path real = named.toRealPath();
            if (!real.startsWith(root)) {
                return new Forbidden("a symbolic link leads out of the root");
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                if (path.endsWithSlash()) {
                    return index(real);
                }
                return new Redirect(path.asDirectory().toTarget());
            }
            if (path.endsWithSlash()) {
                return new NotFound(); // "/file.txt/" names no directory
            }
            return regular(real, path.segments().getLast(), attributes);
        } catch (NoSuchFileException e) {
            return new NotFound();
        } catch (AccessDeniedException e) {
            return new Forbidden("not readable");
        } catch (IOException e) {
            // ENOTDIR ("/file.txt/x"), ELOOP and the like: nothing there to serve.
            return new NotFound();
        }
    }

    private Found index(Path directory) throws IOException {
        Path index = directory.resolve(INDEX_FILE);
        if (!Files.exists(index)) {
            return new Forbidden("a directory without " + INDEX_FILE);
        }
        Path real = index.toRealPath();
        if (!real.startsWith(root)) {
            return new Forbidden("a symbolic link leads out of the root");
        }
        return regular(real, INDEX_FILE, Files.readAttributes(real, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS));
    }

    /** Only regular files: opening a FIFO or a device could block the event loop forever. */
    private static Found regular(Path real, String name, BasicFileAttributes attributes) {
        if (!attributes.isRegularFile()) {
            return new Forbidden("not a regular file");
        }
        if (!Files.isReadable(real)) {
            return new Forbidden("not readable");
        }
        return new RegularFile(real, name, attributes.size(), attributes.lastModifiedTime()
                .toMillis());
    }
}
