package io.bramble.fs.fuse;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.SetAttr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Run by {@link NonRootMountTest} in a JVM of its own as an ordinary user: mounts through
 * fusermount3, uses the mount, unmounts, and prints what it saw, one fact a line.
 */
public final class NonRootMountProbe {
    private NonRootMountProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        MemoryFileOps files = new MemoryFileOps();
        // The volume's root belongs to root; this user gets it, as a brick's owner would.
        files.setattr(Caller.ROOT, FsPath.ROOT, new SetAttr(OptionalInt.empty(),
                OptionalInt.of(Libc.geteuid()), OptionalInt.of(Libc.getegid()),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()));
        try (files;
                FuseMount mount = FuseMount.mount(dir, "user:/vol", files,
                        FuseOptions.defaults().withAllowOther(false))) {
            Files.writeString(dir.resolve("f"), "as a user");
            System.out.println("read=" + Files.readString(dir.resolve("f")));
            System.out.println("owner=" + Files.getAttribute(dir.resolve("f"), "unix:uid"));
            System.out.println("mounted=" + MountedVolume.isMounted(mount.mountPoint()));
        }
        System.out.println("after-close=" + MountedVolume.isMounted(dir));
    }
}
