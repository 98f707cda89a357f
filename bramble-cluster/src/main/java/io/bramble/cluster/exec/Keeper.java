package io.bramble.cluster.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What stops this node's resources when {@code bramble node} dies, even by kill -9: a small
 * shell process, in a session of its own, that reads a pipe only this JVM writes to. When the
 * JVM ends, however it ends, the kernel closes the pipe; the keeper then runs every
 * {@link ParkedStops parked stop}, the latest started first, and ends. A daemon that is
 * started again starts a keeper of its own. Killing the keeper too (every process of the
 * node, as a power cut does) leaves the resources to the lease: the machine is down.
 */
public final class Keeper implements AutoCloseable {
    /** Waits for the end of its input, then runs the folder's stops, newest first. */
    static final String SCRIPT = """
            cat > /dev/null
            cd "$1" 2>/dev/null || exit 0
            for f in $(ls -t -- *.stop 2>/dev/null); do
                echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) bramble node ended: running $f"
                sh "./$f" && rm -f "./$f"
            done
            """;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /**
     * Every keeper started, held for the JVM's life: a pipe no longer referenced would be
     * closed by the garbage collector, and its keeper would stop the resources.
     */
    private static final List<Keeper> HELD = new CopyOnWriteArrayList<>();

    private final Process process;
    /** Never written: held open for as long as this JVM runs. */
    private final OutputStream pipe;

    private Keeper(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    /** Starts a keeper for {@code stops}, its lines appended to {@code log}. */
    public static Keeper start(ParkedStops stops, Path log) throws IOException {
        Path folder = stops.folder().orElseThrow(() -> new IllegalArgumentException(
                "a keeper needs a folder of parked stops"));
        Files.createDirectories(folder);
        Files.createDirectories(log.getParent());
        List<String> command = Files.isExecutable(SETSID)
                ? List.of(SETSID.toString(), "/bin/sh", "-c", SCRIPT, "keeper", folder
                        .toString())
                : List.of("/bin/sh", "-c", SCRIPT, "keeper", folder.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", OcfEnvironment.PATH);
        Keeper keeper = new Keeper(builder.start());
        HELD.add(keeper);
        return keeper;
    }

    public long pid() {
        return process.pid();
    }

    /** Closes the pipe as the kernel does when this JVM ends: the keeper runs the stops. */
    void pipeClosed() throws IOException {
        pipe.close();
    }

    /** Waits up to {@code ms} for the keeper to end; whether it did. */
    boolean awaitEnd(long ms) throws InterruptedException {
        return process.waitFor(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the keeper without running any stop: for a daemon that stopped its resources
     * itself, or a test.
     */
    @Override
    public void close() {
        HELD.remove(this);
        process.destroyForcibly();
        try {
            pipe.close();
        } catch (IOException e) {
            // the keeper is gone already
        }
    }
}
