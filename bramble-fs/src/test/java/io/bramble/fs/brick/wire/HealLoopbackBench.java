package io.bramble.fs.brick.wire;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.brick.PendingFile;
import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.heal.SetHealer;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.replicate.PendingCounters;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * A rough measure of self-heal, not a test: two bricks served over loopback TLS, one holding
 * a big file and many small files the other lacks (marked as a replicate client marks them),
 * healed as a node's heal worker heals them: the paths of the first brick's index, through
 * brick clients. Prints the time the heal took. Arguments: MiB of the big file (256) and the
 * number of small files (500). {@code -Drounds=N} runs it N times in the same JVM, each on
 * new bricks: the first round is a just-started node's heal, the later ones that of a node
 * whose code the JIT has compiled.
 *
 * <pre>
 * ./mvnw -q -o -pl bramble-fs -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp bramble-fs/target/test-classes:\
 *     bramble-fs/target/classes:$(cat /tmp/cp.txt) io.bramble.fs.brick.wire.HealLoopbackBench
 * </pre>
 */
public final class HealLoopbackBench {
    private static final Caller CALLER = new Caller(1000, 1000, new int[0], 1);
    private static final byte[] MARK = new PendingCounters(1, 1, 1).encode();

    private HealLoopbackBench() {
    }

    public static void main(String[] args) throws Exception {
        for (int round = 0; round < Integer.getInteger("rounds", 1); round++) {
            once(args);
        }
    }

    private static void once(String[] args) throws Exception {
        int bigMib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int smallFiles = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path root = Files.createTempDirectory("heal-bench");
        Path dirA = Files.createDirectories(root.resolve("a"));
        Path dirB = Files.createDirectories(root.resolve("b"));
        TestPool pool = new TestPool();
        ExecutorService workers = BrickServer.workers(BrickServer.WORKERS_DEFAULT);
        try (LocalBrick a = LocalBrick.open(dirA); LocalBrick b = LocalBrick.open(dirB)) {
            PoolTls tls = pool.member();
            BrickServer server = BrickServer.start(new InetSocketAddress("127.0.0.1", 0),
                    () -> tls, workers, ServerSettings.DEFAULTS, Clock.system());
            server.serve("bench", "/a", a);
            server.serve("bench", "/b", b);
            try (BrickClient ca = BrickClient.connect(new BrickTarget("127.0.0.1", server
                    .port(), "bench", "/a"), pool.member(), ClientSettings.DEFAULTS);
                    BrickClient cb = BrickClient.connect(new BrickTarget("127.0.0.1", server
                            .port(), "bench", "/b"), pool.member(), ClientSettings.DEFAULTS)) {
                ca.awaitConnected(10_000);
                cb.awaitConnected(10_000);
                fill(a, bigMib, smallFiles);
                List<FsPath> listed = a.pendingIndex().stream().map(PendingFile::path).toList();
                HealProgress progress = new HealProgress();
                SetHealer healer = new SetHealer(
                        List.<FileOps>of(Boolean.getBoolean("remote") ? ca : a, cb), 0, progress);
                long start = System.nanoTime();
                Map<HealOutcome, Integer> outcomes = new TreeMap<>();
                healer.healAll(listed).forEach(o -> outcomes.merge(o, 1, Integer::sum));
                long firstMs = (System.nanoTime() - start) / 1_000_000;
                List<FsPath> left = a.pendingIndex().stream().map(PendingFile::path).toList();
                healer.healAll(left).forEach(o -> outcomes.merge(o, 1, Integer::sum));
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("heal of %d MiB and %d small files: %d ms (first pass %d ms),"
                        + " %d files, %d bytes copied, outcomes %s, left in the index: %d%n",
                        bigMib, smallFiles, ms, firstMs, progress.filesHealed(), progress
                                .bytesCopied(),
                        outcomes, a.pendingCount());
            } finally {
                server.close();
            }
        } finally {
            workers.shutdownNow();
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What a replicate client leaves on brick a while brick b is down. */
    private static void fill(LocalBrick a, int bigMib, int smallFiles) throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        byte[] range = new byte[1 << 20];
        FsPath big = FsPath.parse("/big");
        Opened file = a.create(CALLER, big, new FileId(7, 1), 0644, OpenFlags.RDWR);
        for (int i = 0; i < bigMib; i++) {
            random.nextBytes(range);
            a.write(file.handle(), (long) i << 20, range);
        }
        a.release(file.handle());
        a.setxattr(Caller.ROOT, big, PendingCounters.name(1), MARK, 0);
        a.setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name(1), MARK, 0);
        FsPath dir = FsPath.parse("/small");
        a.mkdir(CALLER, dir, new FileId(7, 2), 0755);
        a.setxattr(Caller.ROOT, dir, PendingCounters.name(1), MARK, 0);
        byte[] data = new byte[4096];
        for (int i = 0; i < smallFiles; i++) {
            random.nextBytes(data);
            FsPath path = dir.child("s" + i);
            Opened small = a.create(CALLER, path, new FileId(8, i), 0644, OpenFlags.RDWR);
            a.write(small.handle(), 0, data);
            a.release(small.handle());
            a.setxattr(Caller.ROOT, path, PendingCounters.name(1), MARK, 0);
        }
    }
}
