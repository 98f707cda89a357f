package io.bramble.fs.brick.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.XattrsPage;
import io.netty.util.concurrent.EventExecutor;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A brick server and its clients over loopback, with real mutual TLS. */
class BrickServerTest {
    private static final String VOLUME = "gv0";
    private static final String BRICK = "/data/brick1/gv0";
    private static final Caller USER = new Caller(1000, 1000, new int[]{1000}, 77);
    private static final ClientSettings FAST = ClientSettings.DEFAULTS.withReconnectDelaysMs(
            20, 200);

    @TempDir
    Path dir;
    private final TestPool pool = new TestPool();
    private final ExecutorService workers = BrickServer.workers(4);
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private LocalBrick brick;
    private BrickServer server;

    @BeforeEach
    void start() throws Exception {
        brick = LocalBrick.open(dir);
        server = startServer(0);
        server.serve(VOLUME, BRICK, brick);
    }

    private BrickServer startServer(int port) {
        PoolTls tls = pool.member();
        return BrickServer.start(new InetSocketAddress("127.0.0.1", port), () -> tls, workers,
                ServerSettings.DEFAULTS, Clock.system());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        server.close();
        workers.shutdownNow();
        brick.close();
    }

    private BrickClient client(PoolTls tls, ClientSettings settings) {
        BrickClient client = BrickClient.connect(new BrickTarget("127.0.0.1", server.port(),
                VOLUME, BRICK), tls, settings);
        toClose.add(client);
        return client;
    }

    private BrickClient connectedClient(ClientSettings settings) throws Exception {
        BrickClient client = client(pool.member(), settings);
        assertThat(client.awaitConnected(10_000)).as("connected").isTrue();
        return client;
    }

    private static int errno(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(FsException.class);
        return ((FsException) thrown).errno();
    }

    private static FsPath path(String text) {
        return FsPath.parse(text);
    }

    @Test
    void fileOperationsRoundTripOverTheWire() throws Exception {
        FileOps remote = connectedClient(ClientSettings.DEFAULTS);
        Attr folder = remote.mkdir(USER, path("/docs"), new FileId(1, 2), 0750);
        assertThat(folder.isDirectory()).isTrue();
        assertThat(folder.id()).isEqualTo(new FileId(1, 2));

        Opened file = remote.create(USER, path("/docs/a.txt"), new FileId(1, 3), 0100640,
                OpenFlags.RDWR | OpenFlags.CREAT);
        assertThat(remote.write(file.handle(), 0, "over the wire".getBytes())).isEqualTo(13);
        assertThat(new String(remote.read(file.handle(), 5, 100))).isEqualTo("the wire");
        remote.fsync(file.handle(), false);
        remote.flush(file.handle());
        remote.release(file.handle());
        assertThat(brick.openFiles()).isZero();
        assertThat(errno(() -> remote.read(file.handle(), 0, 1))).isEqualTo(Errno.EBADF);

        assertThat(remote.getattr(USER, path("/docs/a.txt")).sizeBytes()).isEqualTo(13);
        remote.setxattr(USER, path("/docs/a.txt"), "user.tag", new byte[]{7}, 0);
        assertThat(remote.getxattr(USER, path("/docs/a.txt"), "user.tag")).containsExactly(7);
        assertThat(remote.listxattr(USER, path("/docs/a.txt"))).contains("user.tag",
                "trusted.bramble.id");
        remote.removexattr(USER, path("/docs/a.txt"), "user.tag");
        remote.symlink(USER, path("/docs/link"), new FileId(1, 4), "a.txt");
        assertThat(remote.readlink(USER, path("/docs/link"))).isEqualTo("a.txt");
        remote.rename(USER, path("/docs/a.txt"), path("/docs/b.txt"), FileOps.RENAME_NOREPLACE);
        assertThat(remote.link(USER, path("/docs/b.txt"), path("/docs/c.txt")).nlink())
                .isEqualTo(2);
        assertThat(remote.readdir(USER, path("/docs"), null, 10).entries())
                .extracting(DirEntry::name).containsExactly("b.txt", "c.txt", "link");
        remote.setxattr(USER, path("/docs/b.txt"), "user.tag", new byte[]{8}, 0);
        XattrsPage tagged = remote.readdirXattrs(USER, path("/docs"), "b.txt", 10, "user.");
        assertThat(tagged.entries()).extracting(EntryXattrs::name).containsExactly("c.txt",
                "link");
        assertThat(tagged.entries().getFirst().read().xattrs().get("user.tag"))
                .containsExactly(8);
        assertThat(tagged.entries().getFirst().read().attr()).isEqualTo(remote.getattr(USER,
                path("/docs/c.txt")));
        assertThat(tagged.complete()).isTrue();
        remote.removexattr(USER, path("/docs/b.txt"), "user.tag");
        assertThat(remote.statfs(USER, FsPath.ROOT).blocks()).isPositive();
        Opened again = remote.open(USER, path("/docs/b.txt"), OpenFlags.RDONLY);
        assertThat(again.attr().id()).isEqualTo(new FileId(1, 3));
        assertThat(remote.lseek(again.handle(), 0, 4)).isEqualTo(13);
        remote.release(again.handle());
        remote.unlink(USER, path("/docs/c.txt"));
        remote.unlink(USER, path("/docs/b.txt"));
        remote.unlink(USER, path("/docs/link"));
        remote.rmdir(USER, path("/docs"));

        assertThat(errno(() -> remote.getattr(USER, path("/missing")))).isEqualTo(Errno.ENOENT);
        assertThat(errno(() -> remote.mkdir(USER, FsPath.ROOT, new FileId(1, 5), 0755)))
                .isEqualTo(Errno.EEXIST);
        assertThat(server.counters().requests()).isGreaterThan(20);
    }

    /** Replicate learns the markers of a file a removal took away from its answer. */
    @Test
    void aRemovalAnswersWithTheRemovedFilesXattrsInOneCall() throws Exception {
        FileOps remote = connectedClient(ClientSettings.DEFAULTS);
        String marker = "trusted.bramble.pending.1";
        for (String name : new String[]{"/a", "/b", "/c"}) {
            remote.release(remote.create(USER, path(name), new FileId(2, name.charAt(1)),
                    0100640, OpenFlags.RDWR | OpenFlags.CREAT).handle());
        }
        remote.mkdir(USER, path("/d"), new FileId(2, 9), 0750);
        for (String name : new String[]{"/a", "/c", "/d"}) {
            remote.setxattr(USER, path(name), marker, new byte[]{(byte) name.charAt(1)}, 0);
            remote.setxattr(USER, path(name), "user.other", new byte[]{1}, 0);
        }
        long before = server.counters().requests();
        assertThat(remote.unlinkXattrs(USER, path("/a"), "trusted.bramble.pending."))
                .containsOnlyKeys(marker).containsEntry(marker, new byte[]{'a'});
        assertThat(remote.rmdirXattrs(USER, path("/d"), "trusted.bramble.pending."))
                .containsOnlyKeys(marker).containsEntry(marker, new byte[]{'d'});
        assertThat(remote.renameXattrs(USER, path("/b"), path("/c"), 0,
                "trusted.bramble.pending.")).as("the replaced file's").containsOnlyKeys(marker)
                .containsEntry(marker, new byte[]{'c'});
        assertThat(remote.renameXattrs(USER, path("/c"), path("/e"), 0,
                "trusted.bramble.pending.")).as("nothing replaced").isEmpty();
        assertThat(server.counters().requests() - before).as("one call each").isEqualTo(4);
        assertThat(remote.readdir(USER, FsPath.ROOT, null, 10).entries())
                .extracting(DirEntry::name).containsExactly("e");
        assertThat(remote.getattr(USER, path("/e")).id()).isEqualTo(new FileId(2, 'b'));
        assertThat(errno(() -> remote.unlinkXattrs(USER, path("/a"), ""))).isEqualTo(
                Errno.ENOENT);
    }

    @Test
    void aClientCertifiedByAnotherAuthorityIsRefusedAndCounted() throws Exception {
        BrickClient stranger = client(pool.stranger(), FAST);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.counters().rejected() >= 1);
        assertThat(stranger.isConnected()).isFalse();
        assertThat(errno(() -> stranger.getattr(USER, FsPath.ROOT))).isEqualTo(Errno.ENOTCONN);
    }

    @Test
    void garbageClosesTheConnectionAndIsCounted() throws Exception {
        try (Socket socket = pool.rawMemberSocket(server.port())) {
            byte[] frame = ByteBuffer.allocate(14).putInt(10).put(new byte[]{9, 9, 9, 9, 9, 9,
                    9, 9, 9, 9}).array();
            socket.getOutputStream().write(frame);
            assertThat(readsEndOfStream(socket)).isTrue();
        }
        try (Socket socket = pool.rawMemberSocket(server.port())) {
            socket.getOutputStream().write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE)
                    .array());
            assertThat(readsEndOfStream(socket)).isTrue();
        }
        try (Socket socket = TestPool.plainSocket(server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: brick\r\n\r\n".getBytes());
            assertThat(readsEndOfStream(socket)).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.counters().badFrames() >= 3);
        assertThat(connectedClient(ClientSettings.DEFAULTS).getattr(USER, FsPath.ROOT).id())
                .as("the server lives on").isEqualTo(FileId.ROOT);
    }

    private static boolean readsEndOfStream(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void aCallToAFrozenBrickTimesOutAtItsDeadline() throws Exception {
        Slowed slowed = new Slowed();
        server.serve(VOLUME, BRICK, slowed.around(brick));
        BrickClient remote = connectedClient(ClientSettings.DEFAULTS.withDeadlineMs(300));
        long start = System.nanoTime();
        assertThat(errno(() -> remote.getattr(USER, FsPath.ROOT))).isEqualTo(Errno.ETIMEDOUT);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(elapsedMs).isBetween(250L, 3_000L);
        slowed.release.countDown();
        assertThat(remote.isConnected()).as("a slow brick is not a dead connection").isTrue();
        assertThat(remote.getattr(USER, FsPath.ROOT).id()).isEqualTo(FileId.ROOT);
    }

    @Test
    void aHungServerIsDroppedAtThePingTimeoutNotWaitedForUntilTheDeadline() throws Exception {
        try (FreezingRelay relay = new FreezingRelay(new InetSocketAddress("127.0.0.1", server
                .port()))) {
            BrickClient remote = BrickClient.connect(new BrickTarget("127.0.0.1", relay.port(),
                    VOLUME, BRICK), pool.member(),
                    FAST.withDeadlineMs(60_000)
                            .withPingTimeoutMs(400));
            toClose.add(remote);
            assertThat(remote.awaitConnected(10_000)).isTrue();
            assertThat(remote.getattr(USER, FsPath.ROOT).id()).isEqualTo(FileId.ROOT);

            relay.freeze(true);
            // Dropped, so ENOTCONN; waited for until the deadline, it would be ETIMEDOUT.
            assertThat(errno(() -> remote.getattr(USER, FsPath.ROOT))).isEqualTo(
                    Errno.ENOTCONN);
            assertThat(remote.isConnected()).isFalse();

            relay.freeze(false);
            assertThat(remote.awaitConnected(20_000)).as("back once the server answers")
                    .isTrue();
            assertThat(remote.getattr(USER, FsPath.ROOT).id()).isEqualTo(FileId.ROOT);
        }
    }

    @Test
    void aCallTheClientGaveUpOnWhileTheServerWasStoppedIsNotRunWhenItResumes()
            throws Exception {
        BrickClient remote = connectedClient(FAST.withDeadlineMs(60_000).withPingTimeoutMs(
                400));
        Opened file = remote.create(USER, path("/f"), new FileId(2, 1), 0100644, OpenFlags.RDWR
                | OpenFlags.CREAT);
        CountDownLatch resume = new CountDownLatch(1);
        List<EventExecutor> loops = new ArrayList<>();
        server.ioThreads().forEach(loops::add);
        CountDownLatch held = new CountDownLatch(loops.size());
        for (EventExecutor loop : loops) { // as a stopped process: nothing read, no pong
            loop.execute(() -> {
                held.countDown();
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        held.await();

        // The write waits in the server's socket; the client hears nothing and drops it.
        assertThat(errno(() -> remote.write(file.handle(), 0, "late".getBytes()))).isEqualTo(
                Errno.ENOTCONN);
        assertThat(remote.isConnected()).isFalse();
        resume.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> server.counters().abandoned() == 1);
        assertThat(remote.awaitConnected(10_000)).isTrue();
        assertThat(remote.getattr(USER, path("/f")).sizeBytes()).as("never written").isZero();
        assertThat(server.counters().abandoned()).isEqualTo(1);
    }

    @Test
    void aBrickSlowOnItsDiskAnswersPingsAndKeepsItsConnection() throws Exception {
        Slowed slowed = new Slowed();
        server.serve(VOLUME, BRICK, slowed.around(brick));
        BrickClient remote = connectedClient(FAST.withDeadlineMs(60_000).withPingTimeoutMs(
                600));
        CompletableFuture<FileId> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return remote.getattr(USER, FsPath.ROOT).id();
            } catch (FsException e) {
                throw new IllegalStateException(e);
            }
        });
        slowed.entered.await();
        Thread.sleep(3_000); // five ping timeouts with the call waiting
        assertThat(remote.isConnected()).isTrue();
        slowed.release.countDown();
        assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(FileId.ROOT);
    }

    @Test
    void aStoppedServerFailsCallsWithEnotconnAndTheClientComesBack() throws Exception {
        Slowed slowed = new Slowed();
        server.serve(VOLUME, BRICK, slowed.around(brick));
        BrickClient remote = connectedClient(FAST.withDeadlineMs(20_000));
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        remote.addListener((client, up) -> changes.add(up));
        Opened file = remote.create(USER, path("/f"), new FileId(2, 1), 0100644, OpenFlags.RDWR
                | OpenFlags.CREAT);

        Thread waiting = Thread.ofPlatform().start(() -> {
            long start = System.nanoTime();
            assertThat(errno(() -> remote.getattr(USER, FsPath.ROOT))).isEqualTo(
                    Errno.ENOTCONN);
            assertThat((System.nanoTime() - start) / 1_000_000).as("failed at once, not at"
                    + " the deadline").isLessThan(10_000);
        });
        slowed.entered.await();
        int port = server.port();
        server.close();
        waiting.join(15_000);
        assertThat(waiting.isAlive()).isFalse();
        slowed.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !remote.isConnected());
        assertThat(errno(() -> remote.getattr(USER, FsPath.ROOT))).isEqualTo(Errno.ENOTCONN);
        await().atMost(Duration.ofSeconds(5)).until(() -> brick.openFiles() == 0);

        server = startServer(port);
        server.serve(VOLUME, BRICK, brick);
        assertThat(remote.awaitConnected(10_000)).isTrue();
        assertThat(remote.getattr(USER, path("/f")).id()).isEqualTo(new FileId(2, 1));
        assertThat(errno(() -> remote.write(file.handle(), 0, new byte[1]))).isEqualTo(
                Errno.ESTALE);
        remote.release(file.handle());
        // The first connection's "up" may reach a listener added just as it came up.
        assertThat(changes).endsWith(false, true).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void stoppingABrickClosesItsConnectionsAndItsFiles() throws Exception {
        BrickClient remote = connectedClient(FAST);
        remote.create(USER, path("/open"), new FileId(3, 1), 0100644, OpenFlags.WRONLY
                | OpenFlags.CREAT);
        assertThat(brick.openFiles()).isEqualTo(1);
        server.stop(VOLUME, BRICK);
        await().atMost(Duration.ofSeconds(5)).until(() -> !remote.isConnected());
        await().atMost(Duration.ofSeconds(5)).until(() -> brick.openFiles() == 0);
        assertThat(remote.awaitConnected(300)).as("not served: the attach is refused")
                .isFalse();
        server.serve(VOLUME, BRICK, brick);
        assertThat(remote.awaitConnected(10_000)).isTrue();
    }

    @Test
    void oneListenerServesManyBricks() throws Exception {
        Path other = dir.resolve("other");
        java.nio.file.Files.createDirectory(other);
        try (LocalBrick second = LocalBrick.open(other)) {
            server.serve("gv1", "/data/brick2/gv1", second);
            BrickClient one = connectedClient(ClientSettings.DEFAULTS);
            BrickClient two = BrickClient.connect(new BrickTarget("127.0.0.1", server.port(),
                    "gv1", "/data/brick2/gv1"), pool.member(), ClientSettings.DEFAULTS);
            toClose.add(two);
            assertThat(two.awaitConnected(10_000)).isTrue();
            one.mkdir(USER, path("/only-in-one"), new FileId(4, 1), 0755);
            assertThat(errno(() -> two.getattr(USER, path("/only-in-one")))).isEqualTo(
                    Errno.ENOENT);
            two.close();
        }
    }
}
