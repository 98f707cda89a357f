package io.bramble.compute.daemon;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a daemon under a small shell that ends it when {@code bramble node} ends, however the
 * node ends (kill -9 included): the shell reads a pipe only the node writes to, and when the
 * kernel closes that pipe with the node's last descriptor, it kills the daemon's own children
 * at once (a worker's executors, whose work is lost with the node anyway), and sends the
 * daemon SIGTERM (which Spark's daemons handle by deregistering), then SIGKILL
 * {@value #GRACE_S} s later if it is still there. {@code pkill} is procps's; without it the
 * children are left to the daemon, as before. The daemon's own input is {@code /dev/null}.
 * The shell ends with the daemon and passes on its exit status, so the node sees the
 * daemon's life as the shell's.
 */
public final class DiesWithNode {
    /** Seconds between SIGTERM and SIGKILL once the node is gone. */
    static final int GRACE_S = 10;
    /**
     * {@code $@} is the daemon's command. A background list's input is /dev/null unless
     * redirected explicitly, hence descriptor 3 for the node's pipe, read by the shell's own
     * {@code read} so that nothing is left reading it once the watch is ended. A SIGTERM to
     * the shell is passed on, and the shell waits for the daemon to end; the trap is set
     * before the daemon starts, so a SIGTERM that comes first reaches the daemon too rather
     * than end the shell alone.
     */
    static final String SCRIPT = """
            exec 3<&0
            term=
            daemon=
            trap 'term=1; [ -n "$daemon" ] && kill -TERM $daemon 2>/dev/null' TERM
            "$@" </dev/null &
            daemon=$!
            [ -n "$term" ] && kill -TERM $daemon 2>/dev/null
            ( while read -r _ <&3; do :; done; pkill -KILL -P $daemon 2>/dev/null; \
            kill -TERM $daemon 2>/dev/null; sleep %d; kill -KILL $daemon 2>/dev/null ) &
            watch=$!
            exec 3<&-
            wait $daemon
            status=$?
            while kill -0 $daemon 2>/dev/null; do wait $daemon; status=$?; done
            kill $watch 2>/dev/null
            exit $status
            """.formatted(GRACE_S);

    private DiesWithNode() {
    }

    /** {@code command} run so that it ends with this node; its process's input is the pipe. */
    public static List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT,
                "bramble-spark-daemon"));
        wrapped.addAll(command);
        return wrapped;
    }
}
