package io.bramble.fs.volume.create;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A brick's folder on the machine that will serve it: Gluster's checks before a volume is
 * made ({@link #judge}, pure) and what the machine tells about the folder ({@link #look}).
 * The folder is made only once every brick of the new volume passed ({@link #make}), so a
 * refused create leaves no folders behind.
 */
public final class BrickFolder {
    private BrickFolder() {
    }

    /** Why the brick {@code shown} ({@code host:/path}) may not be made; empty if it may. */
    public static Optional<String> judge(String shown, String path, FolderFacts f,
            boolean force) {
        if (!f.exists() && f.cannotMake().isPresent()) {
            return Optional.of("Failed to create brick directory for brick " + shown
                    + ". Reason : " + f.cannotMake().get());
        }
        if (f.exists() && !f.directory()) {
            return Optional.of("The provided path " + path + " which is already present, is"
                    + " not a directory");
        }
        if (force) {
            return Optional.empty();
        }
        if (f.exists() && f.device() != f.parentDevice()) {
            return Optional.of("The brick " + shown + " is a mount point. Please create a"
                    + " sub-directory under the mount point and use that as the brick"
                    + " directory. Or use 'force' at the end of the command if you want to"
                    + " override this behavior.");
        }
        if (f.parentDevice() == f.rootDevice()) {
            return Optional.of("The brick " + shown + " is being created in the root"
                    + " partition. It is recommended that you don't use the system's root"
                    + " partition for storage backend. Or use 'force' at the end of the command"
                    + " if you want to override this behavior.");
        }
        if (f.exists() && !f.empty()) {
            return Optional.of("The brick " + shown + " is not empty: its files would show in"
                    + " the volume, or clash with it. Use an empty directory, or use 'force' at"
                    + " the end of the command if you want to override this behavior.");
        }
        return Optional.empty();
    }

    /** Looks at {@code folder} on this machine without changing anything. */
    public static FolderFacts look(Path folder) throws IOException {
        long root = device(Path.of("/"));
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            boolean directory = Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS);
            Path parent = folder.getParent() == null ? folder : folder.getParent();
            return new FolderFacts(true, directory, directory && isEmpty(folder),
                    device(folder), device(parent), root, Optional.empty());
        }
        Path existing = folder.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            existing = Path.of("/");
        }
        Optional<String> cannotMake = !Files.isDirectory(existing)
                ? Optional.of("Not a directory")
                : !Files.isWritable(existing) ? Optional.of("Permission denied") : Optional.empty();
        long device = device(existing);
        return new FolderFacts(false, false, true, device, device, root, cannotMake);
    }

    /** Makes {@code folder} and its missing parents; the reason when it cannot. */
    public static Optional<String> make(Path folder) {
        try {
            Files.createDirectories(folder);
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of("Permission denied");
        } catch (FileAlreadyExistsException e) {
            return Optional.of("Not a directory"); // a file where a folder should be
        } catch (FileSystemException e) {
            return Optional.of(e.getReason() != null ? e.getReason() : e.getMessage());
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static long device(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:dev")).longValue();
    }
}
