package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FsPath;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ls -l} of a big folder is where Gluster hurts most; a brick lists 5,000 files with
 * their attributes and ids in a few milliseconds.
 */
class ListingSpeedTest {
    private static final int FILES = 5_000;
    /**
     * The bound, on the listing thread's CPU time: wall time on a build machine shared with
     * other jobs measures the other jobs.
     */
    private static final long LISTING_CPU_MS_MAX = 100;
    private static final int WARM_UP_RUNS = 3;
    private static final int RUNS = 5;

    @TempDir
    Path dir;

    @Test
    void fiveThousandFilesListWithAttributesWellUnderATenthOfASecond() throws Exception {
        for (int i = 0; i < FILES; i++) {
            Files.createFile(dir.resolve("file-" + i));
        }
        try (LocalBrick brick = LocalBrick.open(dir)) {
            for (int warmUp = 0; warmUp < WARM_UP_RUNS; warmUp++) {
                assertThat(listAll(brick)).isEqualTo(FILES); // the first assigns the ids
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long bestNs = Long.MAX_VALUE;
            long bestCpuNs = Long.MAX_VALUE;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                int listed = listAll(brick);
                bestCpuNs = Math.min(bestCpuNs, threads.getCurrentThreadCpuTime() - startCpu);
                bestNs = Math.min(bestNs, System.nanoTime() - start);
                assertThat(listed).isEqualTo(FILES);
            }
            System.out.printf("listed %d files with attributes in %.1f ms (%.1f ms of CPU)%n",
                    FILES, bestNs / 1e6, bestCpuNs / 1e6);
            assertThat(bestCpuNs / 1_000_000).isLessThan(LISTING_CPU_MS_MAX);
        }
    }

    private static int listAll(LocalBrick brick) throws Exception {
        int listed = 0;
        String after = null;
        DirPage page;
        do {
            page = brick.readdir(Caller.ROOT, FsPath.ROOT, after, LocalBrick.PAGE_ENTRIES_MAX);
            listed += page.entries().size();
            after = page.lastName();
        } while (!page.complete());
        return listed;
    }
}
