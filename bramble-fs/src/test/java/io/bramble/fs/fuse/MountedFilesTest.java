package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File contents through a real mount: from Java and from other processes. */
class MountedFilesTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path temp;
    private MountedVolume volume;
    private final AtomicInteger largestWriteBytes = new AtomicInteger();

    @BeforeEach
    void mount() throws Exception {
        volume = MountedVolume.mount(temp, FuseOptions.defaults(), message -> {
            int opcode = message.order(ByteOrder.LITTLE_ENDIAN).getInt(4);
            if (opcode == FuseOpcode.WRITE) {
                // fuse_in_header and fuse_write_in take 80 bytes before the data
                int dataBytes = message.getInt(0) - 80;
                largestWriteBytes.accumulateAndGet(dataBytes, Math::max);
            }
        });
    }

    @AfterEach
    void unmount() throws Exception {
        if (volume != null) {
            volume.close();
        }
    }

    @Test
    void createsWritesAppendsAndReadsBack() throws Exception {
        Path file = volume.dir.resolve("notes.txt");
        Files.writeString(file, "one\n");
        Files.writeString(file, "two\n", StandardOpenOption.APPEND);
        Commands.sh("echo three >> " + file);
        assertThat(Files.readString(file)).isEqualTo("one\ntwo\nthree\n");
        assertThat(Commands.sh("cat " + file)).isEqualTo("one\ntwo\nthree\n");
        assertThat(Files.size(file)).isEqualTo(14);
        Files.writeString(file, "over");
        assertThat(Commands.sh("cat " + file)).as("O_TRUNC through open").isEqualTo("over");
    }

    @Test
    void mebibyteWritesComeBackByteForByte() throws Exception {
        byte[] data = new byte[8 * MIB + 12345];
        new SplittableRandom(7).nextBytes(data);
        Path file = volume.dir.resolve("big.bin");
        Files.write(file, data);
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        Path copy = volume.dir.resolve("copy.bin");
        Commands.sh("dd if=" + file + " of=" + copy + " bs=1M status=none && sync");
        assertThat(Commands.sh("cmp " + file + " " + copy + " && echo same")).contains("same");
        assertThat(largestWriteBytes.get()).as("the kernel sent 1 MiB writes")
                .isEqualTo(MIB);
    }

    @Test
    void writesAtOffsetsLeaveHolesOfZeros() throws Exception {
        Path file = volume.dir.resolve("sparse");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            channel.write(ByteBuffer.wrap(new byte[]{1, 2, 3}), 3 * MIB);
            channel.write(ByteBuffer.wrap(new byte[]{9}), 10);
            channel.force(true);
        }
        byte[] back = Files.readAllBytes(file);
        assertThat(back).hasSize(3 * MIB + 3);
        assertThat(back[10]).isEqualTo((byte) 9);
        assertThat(back[3 * MIB + 2]).isEqualTo((byte) 3);
        assertThat(back[MIB]).isZero();
    }

    @Test
    void truncatesThroughPathsAndOpenFiles() throws Exception {
        Path file = volume.dir.resolve("t");
        Files.writeString(file, "0123456789");
        Commands.sh("truncate -s 4 " + file);
        assertThat(Files.readString(file)).isEqualTo("0123");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(2);
        }
        assertThat(Files.readString(file)).isEqualTo("01");
        Commands.sh("truncate -s 1M " + file);
        assertThat(Files.size(file)).isEqualTo(MIB);
    }

    @Test
    void allocatesAndSeeksForData() throws Exception {
        Path file = volume.dir.resolve("allocated");
        Commands.sh("fallocate -l 65536 " + file);
        assertThat(Files.size(file)).isEqualTo(65536);
        Files.write(file, new byte[]{5}, StandardOpenOption.APPEND);
        assertThat(Files.size(file)).isEqualTo(65537);
        if (Commands.installed("python3")) {
            // SEEK_DATA (3): with the writeback cache the kernel answers from its own size.
            assertThat(Commands.sh("python3 -c 'import os; fd = os.open(\"" + file
                    + "\", os.O_RDONLY); print(os.lseek(fd, 100, 3))'").strip())
                    .isEqualTo("100");
        }
    }

    @Test
    void anUnlinkedFileStaysUsableThroughItsDescriptor() throws Exception {
        Path file = volume.dir.resolve("doomed");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            channel.write(ByteBuffer.wrap("still here".getBytes()));
            Files.delete(file);
            assertThat(Files.exists(file)).isFalse();
            ByteBuffer back = ByteBuffer.allocate(10);
            channel.read(back, 0);
            assertThat(new String(back.array())).isEqualTo("still here");
            assertThat(channel.size()).isEqualTo(10);
            channel.truncate(5); // ftruncate(2) on a file without a name
            ByteBuffer shorter = ByteBuffer.allocate(10);
            assertThat(channel.read(shorter, 0)).isEqualTo(5);
            assertThat(new String(shorter.array(), 0, 5)).isEqualTo("still");
        }
        assertThat(Commands.sh("ls -A " + volume.dir)).isEmpty();
    }
}
