package io.bramble.fs.volume.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrickFolderTest {
    private static final String SHOWN = "gluster1:/data/brick1/gv0";
    private static final String PATH = "/data/brick1/gv0";
    private static final long ROOT = 1;
    private static final long DISK = 2;

    private static Optional<String> judge(FolderFacts facts, boolean force) {
        return BrickFolder.judge(SHOWN, PATH, facts, force);
    }

    @Test
    void aNewFolderOnADiskOfItsOwnPasses() {
        assertThat(judge(new FolderFacts(false, false, true, DISK, DISK, ROOT,
                Optional.empty()), false)).isEmpty();
        assertThat(judge(new FolderFacts(true, true, true, DISK, DISK, ROOT,
                Optional.empty()), false)).isEmpty();
    }

    @Test
    void theRootPartitionNeedsForce() {
        FolderFacts onRoot = new FolderFacts(false, false, true, ROOT, ROOT, ROOT,
                Optional.empty());
        assertThat(judge(onRoot, false)).contains("The brick gluster1:/data/brick1/gv0 is being"
                + " created in the root partition. It is recommended that you don't use the"
                + " system's root partition for storage backend. Or use 'force' at the end of"
                + " the command if you want to override this behavior.");
        assertThat(judge(onRoot, true)).isEmpty();
    }

    @Test
    void aMountPointNeedsForce() {
        FolderFacts mounted = new FolderFacts(true, true, true, DISK, ROOT, ROOT,
                Optional.empty());
        assertThat(judge(mounted, false)).get().asString().startsWith("The brick "
                + SHOWN + " is a mount point. Please create a sub-directory under the mount"
                + " point and use that as the brick directory.");
        assertThat(judge(mounted, true)).isEmpty();
    }

    @Test
    void aFolderWithFilesNeedsForce() {
        FolderFacts full = new FolderFacts(true, true, false, DISK, DISK, ROOT,
                Optional.empty());
        assertThat(judge(full, false)).get().asString().startsWith("The brick " + SHOWN
                + " is not empty");
        assertThat(judge(full, true)).isEmpty();
    }

    @Test
    void aFileOrAnUnmakeableFolderFailsEvenWithForce() {
        assertThat(judge(new FolderFacts(true, false, false, DISK, DISK, ROOT,
                Optional.empty()), true)).contains("The provided path /data/brick1/gv0 which"
                        + " is already present, is not a directory");
        assertThat(judge(new FolderFacts(false, false, true, DISK, DISK, ROOT,
                Optional.of("Permission denied")), true)).contains("Failed to create brick"
                        + " directory for brick gluster1:/data/brick1/gv0. Reason :"
                        + " Permission denied");
    }

    @Test
    void looksWithoutMakingAndMakesOnlyWhenAsked(@TempDir Path dir) throws IOException {
        Path brick = dir.resolve("data/brick1/gv0");
        FolderFacts facts = BrickFolder.look(brick);
        assertThat(facts.exists()).isFalse();
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
        assertThat(BrickFolder.make(brick)).isEmpty();
        assertThat(BrickFolder.look(brick).exists()).isTrue();
        assertThat(BrickFolder.look(brick).empty()).isTrue();
        Files.writeString(brick.resolve("kernel.img"), "x");
        assertThat(BrickFolder.look(brick).empty()).isFalse();
        Files.writeString(dir.resolve("file"), "x");
        assertThat(BrickFolder.make(dir.resolve("file/sub"))).contains("Not a directory");
    }

    /** /dev/shm is a file system of its own on Linux: no force needed there. */
    @Test
    void aFolderOffTheRootFileSystemPasses() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isWritable(shm), "no writable /dev/shm");
        Path brick = Files.createTempDirectory(shm, "brick-");
        try {
            FolderFacts facts = BrickFolder.look(brick.resolve("gv0"));
            assumeTrue(facts.parentDevice() != facts.rootDevice(), "/dev/shm is on /");
            assertThat(BrickFolder.judge("h:" + brick, brick.toString(), facts, false))
                    .isEmpty();
        } finally {
            Files.delete(brick);
        }
    }
}
