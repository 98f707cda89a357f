package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Errno;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names through a real mount: directories, renames, links, listings. */
class MountedNamespaceTest {
    @TempDir
    Path temp;
    private MountedVolume volume;
    private Path root;

    @BeforeEach
    void mount() throws Exception {
        volume = MountedVolume.mount(temp, FuseOptions.defaults());
        root = volume.dir;
    }

    @AfterEach
    void unmount() throws Exception {
        if (volume != null) {
            volume.close();
        }
    }

    @Test
    void makesAndRemovesDirectories() throws Exception {
        Files.createDirectories(root.resolve("a/b/c"));
        assertThat(Files.isDirectory(root.resolve("a/b/c"))).isTrue();
        assertThat(Files.getAttribute(root.resolve("a"), "unix:nlink")).isEqualTo(3);
        assertThatThrownBy(() -> Files.delete(root.resolve("a/b")))
                .isInstanceOf(DirectoryNotEmptyException.class);
        Files.delete(root.resolve("a/b/c"));
        Files.delete(root.resolve("a/b"));
        Commands.sh("rmdir " + root.resolve("a"));
        assertThat(Files.exists(root.resolve("a"))).isFalse();
    }

    @Test
    void renamesFilesOverOthersAndMovesDirectories() throws Exception {
        Files.writeString(root.resolve("new"), "new");
        Files.writeString(root.resolve("old"), "old");
        Commands.sh("mv " + root.resolve("new") + " " + root.resolve("old"));
        assertThat(Files.readString(root.resolve("old"))).isEqualTo("new");
        assertThat(Files.exists(root.resolve("new"))).isFalse();

        Files.createDirectories(root.resolve("d1/inner"));
        Files.writeString(root.resolve("d1/inner/f"), "deep");
        Files.createDirectory(root.resolve("d2"));
        Commands.sh("mv " + root.resolve("d1") + " " + root.resolve("d2/moved"));
        assertThat(Files.readString(root.resolve("d2/moved/inner/f"))).isEqualTo("deep");
        Files.writeString(root.resolve("d2/moved/inner/g"), "after");
        assertThat(Commands.sh("cat " + root.resolve("d2/moved/inner/g"))).isEqualTo("after");
        assertThat(Files.exists(root.resolve("d1"))).isFalse();
    }

    @Test
    void renameFlagsRefuseOrSwap() throws Throwable {
        Files.writeString(root.resolve("x"), "x");
        Files.writeString(root.resolve("y"), "y");
        assertThat(Renames.renameat2(root.resolve("x"), root.resolve("y"), Renames.NOREPLACE))
                .isEqualTo(Errno.EEXIST);
        assertThat(Renames.renameat2(root.resolve("x"), root.resolve("y"), Renames.EXCHANGE))
                .isZero();
        assertThat(Files.readString(root.resolve("x"))).isEqualTo("y");
        assertThat(Files.readString(root.resolve("y"))).isEqualTo("x");
    }

    @Test
    void hardLinksShareTheInode() throws Exception {
        Path first = root.resolve("first");
        Path second = root.resolve("second");
        Files.writeString(first, "shared");
        Files.createLink(second, first);
        assertThat(Files.getAttribute(first, "unix:nlink")).isEqualTo(2);
        assertThat(Files.getAttribute(second, "unix:ino"))
                .isEqualTo(Files.getAttribute(first, "unix:ino"));
        Files.writeString(second, "changed");
        assertThat(Files.readString(first)).isEqualTo("changed");
        Files.delete(first);
        assertThat(Files.readString(second)).isEqualTo("changed");
        assertThat(Commands.sh("stat -c %h " + second).strip()).isEqualTo("1");
    }

    @Test
    void symlinksResolve() throws Exception {
        Files.writeString(root.resolve("target"), "pointed at");
        Files.createSymbolicLink(root.resolve("link"), Path.of("target"));
        assertThat(Files.readSymbolicLink(root.resolve("link"))).isEqualTo(Path.of("target"));
        assertThat(Files.readString(root.resolve("link"))).isEqualTo("pointed at");
        assertThat(Commands.sh("readlink " + root.resolve("link")).strip()).isEqualTo("target");
        Commands.sh("ln -s /nowhere " + root.resolve("dangling"));
        assertThat(Files.isSymbolicLink(root.resolve("dangling"))).isTrue();
    }

    @Test
    void makesSpecialFiles() throws Exception {
        Commands.sh("mkfifo " + root.resolve("fifo") + " && mknod " + root.resolve("null")
                + " c 1 3");
        assertThat(Commands.sh("stat -c %F " + root.resolve("fifo")).strip()).isEqualTo("fifo");
        assertThat(Commands.sh("stat -c '%F %t:%T' " + root.resolve("null")).strip())
                .isEqualTo("character special file 1:3");
        assertThat(Commands.sh("echo gone > " + root.resolve("null") + " && cat "
                + root.resolve("null"))).as("a device node opens the device").isEmpty();
    }

    @Test
    void listsTwoThousandFiles() throws Exception {
        Path dir = Files.createDirectory(root.resolve("many"));
        for (int i = 0; i < 2000; i++) {
            Files.writeString(dir.resolve(String.format("file-%04d", i)), "x");
        }
        assertThat(Commands.sh("ls -l " + dir + " | grep -c ^-").strip()).isEqualTo("2000");
        assertThat(Commands.sh("ls -f " + dir + " | wc -l").strip()).as("with . and ..")
                .isEqualTo("2002");
        try (Stream<Path> listing = Files.list(dir)) {
            assertThat(listing.count()).isEqualTo(2000);
        }
        assertThat(Commands.sh("find " + dir + " -type f | wc -l").strip()).isEqualTo("2000");
        assertThat(volume.mount.nodesKnown()).isGreaterThan(2000);
        Commands.sh("rm -r " + dir);
        assertThat(Files.exists(dir)).isFalse();
        // Removed files leave the kernel's cache, which forgets their nodes.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> volume.mount.nodesKnown() < 10);
    }
}
