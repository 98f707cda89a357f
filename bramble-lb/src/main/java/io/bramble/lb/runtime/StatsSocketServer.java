package io.bramble.lb.runtime;

import io.bramble.lb.config.StatsSocketConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code stats socket}: accepts connections on a unix (or TCP) socket and speaks HAProxy's
 * CLI protocol. Without {@code prompt} a connection carries one line of commands (separated by
 * {@code ;}) and is closed after the answers, so {@code echo "show stat" | socat stdio SOCK}
 * works; with {@code prompt} it stays open until {@code quit} or {@code stats timeout} of
 * silence. One virtual thread per connection, at most {@link #CONNECTIONS_MAX} at once.
 */
public final class StatsSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatsSocketServer.class);
    /** Connections served at once, HAProxy's default {@code stats maxconn}. */
    static final int CONNECTIONS_MAX = 10;
    /** Longest command line, like HAProxy's buffer. */
    static final int LINE_BYTES_MAX = 16_384;
    /** Commands on one line. */
    static final int COMMANDS_PER_LINE_MAX = 64;

    private final StatsSocketConfig config;
    private final RuntimeApi api;
    private final long idleTimeoutMs;
    private final ScheduledExecutorService timers;
    private final ServerSocketChannel listener;
    private final Semaphore slots = new Semaphore(CONNECTIONS_MAX);
    private final Thread acceptor;
    private volatile boolean closed;

    private StatsSocketServer(StatsSocketConfig config, RuntimeApi api, long idleTimeoutMs,
            ScheduledExecutorService timers, ServerSocketChannel listener) {
        this.config = config;
        this.api = api;
        this.idleTimeoutMs = idleTimeoutMs;
        this.timers = timers;
        this.listener = listener;
        this.acceptor = Thread.ofVirtual().name("stats-socket").unstarted(this::acceptLoop);
    }

    /**
     * Listens as {@code config} says. A stale unix socket file (nobody listening) is replaced;
     * a live one is not.
     *
     * @param timers where idle timeouts are scheduled
     * @throws IOException when the socket cannot be opened
     */
    public static StatsSocketServer open(StatsSocketConfig config, RuntimeApi api,
            long idleTimeoutMs, ScheduledExecutorService timers) throws IOException {
        ServerSocketChannel listener;
        if (config.path().isPresent()) {
            Path path = Path.of(config.path().get());
            removeStale(path);
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                listener.bind(UnixDomainSocketAddress.of(path));
                if (config.mode().isPresent()) {
                    Files.setPosixFilePermissions(path, permissions(config.mode().getAsInt()));
                }
            } catch (IOException | RuntimeException e) {
                listener.close();
                throw e;
            }
        } else {
            listener = ServerSocketChannel.open();
            try {
                listener.bind(config.tcp().orElseThrow().resolve());
            } catch (IOException | RuntimeException e) {
                listener.close();
                throw e;
            }
        }
        StatsSocketServer server = new StatsSocketServer(config, api, idleTimeoutMs, timers,
                listener);
        server.acceptor.start();
        return server;
    }

    public StatsSocketConfig config() {
        return config;
    }

    /** Where it listens: the unix path or the bound TCP address. */
    public SocketAddress address() throws IOException {
        return listener.getLocalAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Stats socket {}: accept failed: {}", config, e.getMessage());
                }
                return;
            }
            if (!slots.tryAcquire()) {
                closeQuietly(connection);
                continue;
            }
            Thread.ofVirtual().name("stats-client").start(() -> {
                try {
                    serve(connection);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            InputStream in = Channels.newInputStream(connection);
            OutputStream out = Channels.newOutputStream(connection);
            boolean interactive = false;
            while (true) {
                ScheduledFuture<?> idle = timers.schedule(() -> closeQuietly(connection),
                        idleTimeoutMs, TimeUnit.MILLISECONDS);
                String line;
                try {
                    line = readLine(in);
                } finally {
                    idle.cancel(false);
                }
                if (line == null) {
                    return;
                }
                StringBuilder answer = new StringBuilder();
                boolean quit = false;
                for (List<String> words : commands(line)) {
                    RuntimeCommand command = RuntimeCommand.parse(words);
                    if (command instanceof RuntimeCommand.Prompt) {
                        interactive = !interactive;
                    } else if (command instanceof RuntimeCommand.Quit) {
                        quit = true;
                        break;
                    }
                    answer.append(api.answer(command, config.level()));
                }
                if (interactive && !quit) {
                    answer.append("> ");
                }
                out.write(answer.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (quit || !interactive) {
                    return;
                }
            }
        } catch (LineTooLongException e) {
            LOG.warn("Stats socket {}: a command line over {} bytes; connection closed.",
                    config, LINE_BYTES_MAX);
        } catch (IOException e) {
            // The peer went away or the idle timeout closed the connection.
        }
    }

    /** The commands of one line: split on {@code ;}, then on blanks. */
    static List<List<String>> commands(String line) {
        List<List<String>> result = new ArrayList<>();
        for (String part : line.split(";", COMMANDS_PER_LINE_MAX + 1)) {
            List<String> words = new ArrayList<>();
            for (String word : part.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            if (!words.isEmpty() && result.size() < COMMANDS_PER_LINE_MAX) {
                result.add(words);
            }
        }
        return result;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8).replace("\r", "");
            }
            if (line.size() >= LINE_BYTES_MAX) {
                throw new LineTooLongException();
            }
            line.write(b);
        }
    }

    private static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("command line too long");
        }
    }

    private static void removeStale(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IOException("another process already listens on " + path);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("another process")) {
                throw e;
            }
            Files.delete(path);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE,
                PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing more to do with a connection that is going away
        }
    }

    /** Stops listening and removes the unix socket file; open connections finish. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        config.path().ifPresent(p -> {
            try {
                Files.deleteIfExists(Path.of(p));
            } catch (IOException e) {
                LOG.warn("Cannot remove stats socket {}: {}", p, e.getMessage());
            }
        });
    }
}
