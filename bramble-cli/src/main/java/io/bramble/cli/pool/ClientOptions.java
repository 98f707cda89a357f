package io.bramble.cli.pool;

import io.bramble.common.error.UserError;
import io.bramble.pool.local.NodeClient;
import io.bramble.pool.node.NodeSettings;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --state-dir}, {@code --remote-host} and {@code --mode}, taken by every client command.
 */
public final class ClientOptions {
    /** The environment variable naming the local node's state directory. */
    public static final String STATE_DIR_ENV = "BRAMBLE_STATE_DIR";

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = {"State directory of the local node; $BRAMBLE_STATE_DIR",
                    "or /var/lib/bramble by default."})
    Path stateDir;

    @Option(
            names = "--remote-host",
            paramLabel = "HOST[:PORT]",
            scope = ScopeType.INHERIT,
            description = {"Run the command on another member of this machine's",
                    "pool (this machine's pool credentials are used)."})
    String remoteHost;

    @Option(
            names = "--mode",
            paramLabel = "script",
            scope = ScopeType.INHERIT,
            description = {"Ask no question, as gluster's --mode=script ('volume",
                    "stop' and 'volume delete' ask first otherwise)."})
    String mode;

    /** Whether questions are skipped; fails on a mode other than {@code script}. */
    boolean scriptMode() {
        if (mode != null && !mode.equals("script")) {
            throw UserError.usage("--mode " + mode + ": the only mode is 'script'");
        }
        return mode != null;
    }

    public static Path defaultStateDir() {
        String env = System.getenv(STATE_DIR_ENV);
        return Path.of(env != null && !env.isBlank() ? env : NodeSettings.STATE_DIR_DEFAULT);
    }

    /** Sends {@code args} to the node and prints its answer; returns its exit code. */
    int send(List<String> args, PrintWriter out, PrintWriter err) {
        CommandReply reply = ask(args);
        out.print(reply.out());
        out.flush();
        err.print(reply.err());
        err.flush();
        return reply.exitCode();
    }

    /** Sends {@code args} to the node; its answer, for a command that reads it. */
    public CommandReply ask(List<String> args) {
        Path dir = stateDir != null ? stateDir : defaultStateDir();
        return remoteHost != null
                ? NodeClient.remote(dir, remoteHost, args)
                : NodeClient.local(dir, args);
    }
}
