package io.bramble.cli.demo;

import io.bramble.common.os.ProcessUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How this process can mount a volume: as root with mount(2) on /dev/fuse; as another user
 * through fusermount3 (Debian's fuse3), which mounts for users, and then for the mounting
 * user alone ({@code noallow_other}: letting others in needs {@code user_allow_other} in
 * /etc/fuse.conf, which the demo does not touch).
 *
 * @param root whether this process runs as root
 * @param devFuse whether /dev/fuse exists
 * @param devFuseOpen whether this process may open /dev/fuse for reading and writing, as
 *     fusermount3 does on the user's behalf (it is mode 0666 on most systems)
 * @param fusermount3 whether fusermount3 is installed
 */
record FuseAccess(boolean root, boolean devFuse, boolean devFuseOpen, boolean fusermount3) {
    private static final List<String> BIN_DIRS = List.of("/usr/bin", "/bin", "/usr/local/bin");

    static FuseAccess ofThisProcess() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean fusermount = Stream.concat(Stream.of(path.split(":")), BIN_DIRS.stream())
                .filter(dir -> !dir.isEmpty()).anyMatch(dir -> Files.isExecutable(Path.of(dir,
                        "fusermount3")));
        Path device = Path.of("/dev/fuse");
        return new FuseAccess(ProcessUser.isRoot(), Files.exists(device), Files.isReadable(
                device) && Files.isWritable(device), fusermount);
    }

    /** What is missing to mount, in words that say how to get it; empty when nothing is. */
    Optional<String> missing() {
        if (!devFuse) {
            return Optional.of("/dev/fuse is missing: load the fuse module (modprobe fuse) or,"
                    + " in a container, pass --device /dev/fuse");
        }
        if (!root && !fusermount3) {
            return Optional.of("mounting needs root, or fusermount3 for other users: run the"
                    + " demo as root, or install fusermount3 (sudo apt-get install fuse3)");
        }
        if (!root && !devFuseOpen) {
            return Optional.of("/dev/fuse is closed to this user, so fusermount3 cannot open"
                    + " it: run the demo as root, or give /dev/fuse its usual mode (sudo chmod"
                    + " 0666 /dev/fuse)");
        }
        return Optional.empty();
    }

    /** The mount's {@code -o} options. */
    List<String> mountOptions() {
        return root ? List.of() : List.of("-o", "noallow_other");
    }

    /** How the mount is made, for the demo's output. */
    String how() {
        return root
                ? "mount(2), as root"
                : "fusermount3, for this user only";
    }
}
