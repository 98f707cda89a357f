package io.bramble.fs.brick.wire;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A rough measure of the brick path, not a test: 4 KiB creates (create, write, release),
 * 1 MiB writes and reads, and getattr calls per second, on the brick directly and through a
 * client over loopback TLS, from one thread and from several. Runs a few seconds per figure,
 * on loopback only.
 *
 * <pre>
 * ./mvnw -q -o -pl bramble-fs -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp bramble-fs/target/test-classes:\
 *     bramble-fs/target/classes:$(cat /tmp/cp.txt) io.bramble.fs.brick.wire.BrickLoopbackBench
 * </pre>
 */
public final class BrickLoopbackBench {
    private static final long RUN_MS = 3_000;
    private static final int THREADS = 8;
    private static final Caller CALLER = new Caller(1000, 1000, new int[0], 1);
    private static final byte[] BLOCK = new byte[4096];

    private BrickLoopbackBench() {
    }

    @FunctionalInterface
    private interface Op {
        void run(long n) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("brick-bench");
        TestPool pool = new TestPool();
        ExecutorService workers = BrickServer.workers(BrickServer.WORKERS_DEFAULT);
        try (LocalBrick brick = LocalBrick.open(dir)) {
            PoolTls serverTls = pool.member();
            BrickServer server = BrickServer.start(new InetSocketAddress("127.0.0.1", 0),
                    () -> serverTls, workers, ServerSettings.DEFAULTS, Clock.system());
            server.serve("bench", "/bench", brick);
            try (BrickClient client = BrickClient.connect(new BrickTarget("127.0.0.1", server
                    .port(), "bench", "/bench"), pool.member(), ClientSettings.DEFAULTS)) {
                client.awaitConnected(10_000);
                brick.mkdir(CALLER, FsPath.parse("/l"), new FileId(9, 1), 0755);
                brick.mkdir(CALLER, FsPath.parse("/r"), new FileId(9, 2), 0755);
                report("local  4 KiB creates", 1, creates(brick, "/l", 1));
                report("local  4 KiB creates", THREADS, creates(brick, "/l", THREADS));
                report("remote 4 KiB creates", 1, creates(client, "/r", 1));
                report("remote 4 KiB creates", THREADS, creates(client, "/r", THREADS));
                bulk(client, "/r/big");
                report("local  getattr", 1, getattrs(brick, 1));
                report("local  getattr", THREADS, getattrs(brick, THREADS));
                report("remote getattr", 1, getattrs(client, 1));
                report("remote getattr", THREADS, getattrs(client, THREADS));
            } finally {
                server.close();
            }
        } finally {
            workers.shutdownNow();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final AtomicLong NAMES = new AtomicLong();

    private static double creates(FileOps ops, String folder, int threads) throws Exception {
        return measure(threads, n -> {
            long name = NAMES.incrementAndGet();
            Opened file = ops.create(CALLER, FsPath.parse(folder + "/f" + name), new FileId(7,
                    name), 0100644, OpenFlags.WRONLY | OpenFlags.CREAT | OpenFlags.EXCL);
            ops.write(file.handle(), 0, BLOCK);
            ops.release(file.handle());
        });
    }

    /**
     * 1 MiB writes and reads of one file through the client, each call waiting for its answer
     * as the volume's layers do; with the process's CPU time per MiB moved, both ends counted.
     */
    private static void bulk(FileOps ops, String path) throws Exception {
        Opened file = ops.create(CALLER, FsPath.parse(path), new FileId(8, 1), 0100644,
                OpenFlags.RDWR | OpenFlags.CREAT | OpenFlags.EXCL);
        byte[] mib = new byte[FrameCodec.DATA_BYTES_MAX];
        long filesMib = 256;
        for (int threads : new int[]{1, 4}) {
            Op write = n -> ops.write(file.handle(), (n % filesMib) << 20, mib);
            Op read = n -> ops.read(file.handle(), (n % filesMib) << 20, mib.length);
            reportBulk("remote 1 MiB writes", threads, write);
            reportBulk("remote 1 MiB reads", threads, read);
        }
        ops.release(file.handle());
    }

    private static void reportBulk(String what, int threads, Op op) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        run(threads, op, RUN_MS / 3);
        long cpuNs = os.getProcessCpuTime();
        long start = System.nanoTime();
        long done = run(threads, op, RUN_MS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMsPerMib = (os.getProcessCpuTime() - cpuNs) / 1e6 / done;
        System.out.printf("%-22s %d thread%s %,10.0f MiB/s %6.2f ms CPU/MiB%n", what, threads,
                threads == 1 ? " " : "s", done / seconds, cpuMsPerMib);
    }

    private static double getattrs(FileOps ops, int threads) throws Exception {
        FsPath path = FsPath.parse("/l/f1");
        return measure(threads, n -> ops.getattr(CALLER, path));
    }

    /** Runs {@code op} on {@code threads} threads for a warm-up and then {@link #RUN_MS}. */
    private static double measure(int threads, Op op) throws Exception {
        run(threads, op, RUN_MS / 3);
        long start = System.nanoTime();
        long done = run(threads, op, RUN_MS);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static long run(int threads, Op op, long durationMs) throws Exception {
        AtomicLong done = new AtomicLong();
        long endNs = System.nanoTime() + durationMs * 1_000_000L;
        Thread[] running = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            running[t] = Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < endNs) {
                        op.run(done.incrementAndGet());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread thread : running) {
            thread.join();
        }
        return done.get();
    }

    private static void report(String what, int threads, double perSecond) {
        System.out.printf("%-22s %d thread%s %,10.0f /s%n", what, threads, threads == 1
                ? " "
                : "s", perSecond);
    }
}
