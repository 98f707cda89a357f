package io.bramble.cli.cluster;

import io.bramble.cli.pool.ClientOptions;
import io.bramble.pool.local.NodeClient;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends pcs's words to the local {@code bramble node}, which runs them on the pool's CIB, and
 * prints its answer.
 */
final class LiveCluster {
    private LiveCluster() {
    }

    /**
     * The line the node takes for pcs's words: pcs's {@code node standby} is the node's
     * {@code cluster standby}, since the pool's {@code node} word is taken.
     */
    static List<String> line(List<String> pcsWords) {
        List<String> line = new ArrayList<>(pcsWords);
        if (!line.isEmpty() && line.getFirst().equals("node")) {
            line.set(0, "cluster");
        } else if (!line.isEmpty() && line.getFirst().equals("config")) {
            line.addFirst("cluster");
        }
        return line;
    }

    /** The answer of the node of {@code stateDir} (the default one when null) to {@code line}. */
    static CommandReply ask(Path stateDir, List<String> line) {
        return NodeClient.local(stateDir != null ? stateDir : ClientOptions.defaultStateDir(),
                line);
    }

    /** Sends {@code line} to the node of {@code stateDir} and prints its answer. */
    static int send(Path stateDir, List<String> line, PrintWriter out, PrintWriter err) {
        CommandReply reply = ask(stateDir, line);
        out.print(reply.out());
        out.flush();
        err.print(reply.err());
        err.flush();
        return reply.exitCode();
    }
}
