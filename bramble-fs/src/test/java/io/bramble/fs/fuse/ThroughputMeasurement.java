package io.bramble.fs.fuse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Not a test: figures for the docs. With {@code -Dbramble.fuse.perf=DIR} (a directory on the
 * disk to measure) and as root, writes and reads 1 GiB with dd on the disk itself and then
 * through a mount of {@link PassThroughFileOps} over the same disk, and prints both. It
 * drops the page cache between reads, which slows everything else on the machine a moment.
 */
class ThroughputMeasurement {
    @Test
    void measure() throws Exception {
        String dir = System.getProperty("bramble.fuse.perf");
        assumeTrue(dir != null, "measures only when -Dbramble.fuse.perf=DIR is given");
        MountedVolume.assumeMountable();
        Path base = Files.createDirectories(Path.of(dir, "disk"));
        Path mountPoint = Files.createDirectories(Path.of(dir, "mnt"));
        System.out.println("disk:        " + ddFigures(base.resolve("direct.bin")));
        try (PassThroughFileOps files = new PassThroughFileOps(base);
                FuseMount mount = FuseMount.mount(mountPoint, "perf:/disk", files,
                        FuseOptions.defaults())) {
            System.out.println("mount:       " + ddFigures(mountPoint.resolve("fuse.bin")));
            System.out.println("small files: " + Commands.sh("cd " + mountPoint
                    + " && mkdir small && s=$(date +%s.%N) && for i in $(seq 2000); do echo x"
                    + " > small/$i; done && e=$(date +%s.%N) && ls -l small > /dev/null && "
                    + "l=$(date +%s.%N) && echo \"creates $(echo \"2000 / ($e - $s)\" | bc)/s,"
                    + " ls -l of 2000 $(echo \"$l - $e\" | bc) s\"").strip());
            Commands.sh("rm -rf " + mountPoint.resolve("small"));
        }
    }

    /** One write of 1 GiB, then three reads: the first warms the JIT up. */
    private static String ddFigures(Path file) throws Exception {
        String write = Commands.sh("dd if=/dev/zero of=" + file + " bs=1M count=1024 "
                + "conv=fsync 2>&1 | tail -1");
        StringBuilder reads = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Commands.sh("echo 3 > /proc/sys/vm/drop_caches");
            reads.append(i == 0 ? "" : ", ").append(speed(Commands.sh("dd if=" + file
                    + " of=/dev/null bs=1M 2>&1 | tail -1")));
        }
        Files.delete(file);
        return "write " + speed(write) + ", reads " + reads;
    }

    private static String speed(String ddLine) {
        String[] parts = ddLine.strip().split(", ");
        return parts[parts.length - 1];
    }
}
