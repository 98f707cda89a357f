package io.bramble.fs.volume.serve;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.volume.status.TopReport.Throughput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code volume top NAME read-perf|write-perf bs SIZE count N} on one brick, as Gluster's
 * brick measures it: COUNT blocks of SIZE written to (or read back from) a file of its own on
 * the brick's disk, timed; the file is in the brick's hidden folder, where clients never see
 * it, and is removed afterwards. One measurement at a time per node.
 */
public final class BrickPerf {
    /**
     * Most bytes measured on a brick: the answer must come within the time one node waits
     * for another (Gluster allows 10 GB).
     */
    public static final long BYTES_MAX = 256L * 1024 * 1024;
    private static final String FILE = "top-perf";

    private BrickPerf() {
    }

    public static synchronized Throughput write(Path brickDir, int blockBytes, int blocks,
            Clock clock) throws IOException {
        Path file = brickDir.resolve(LocalBrick.META_DIR).resolve(FILE);
        try {
            long startNs = clock.nanoTime();
            fill(file, blockBytes, blocks);
            return new Throughput((long) blockBytes * blocks, (clock.nanoTime() - startNs)
                    / 1000);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static synchronized Throughput read(Path brickDir, int blockBytes, int blocks,
            Clock clock) throws IOException {
        Path file = brickDir.resolve(LocalBrick.META_DIR).resolve(FILE);
        try {
            fill(file, blockBytes, blocks);
            ByteBuffer block = ByteBuffer.allocate(blockBytes);
            long read = 0;
            long startNs = clock.nanoTime();
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                for (int n; (n = in.read(block.clear())) > 0;) {
                    read += n;
                }
            }
            return new Throughput(read, (clock.nanoTime() - startNs) / 1000);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void fill(Path file, int blockBytes, int blocks) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(blockBytes);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (int i = 0; i < blocks; i++) {
                block.clear();
                while (block.hasRemaining()) {
                    out.write(block);
                }
            }
        }
    }
}
