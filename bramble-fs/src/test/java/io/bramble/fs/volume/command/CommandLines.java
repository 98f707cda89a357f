package io.bramble.fs.volume.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.pool.node.NodeCommands;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/** A command line run on an in-process node as its CLI would, split at spaces. */
final class CommandLines {
    private CommandLines() {
    }

    static CommandReply run(PoolNode node, String line) {
        return NodeCommands.run(node, List.of(line.split(" ")));
    }

    /** Its standard output, once it exited 0. */
    static String ok(PoolNode node, String line) {
        CommandReply reply = run(node, line);
        assertThat(reply.exitCode()).as(line + ": " + reply).isZero();
        return reply.out();
    }

    /** Its standard error, once it failed (exit 1) with nothing on standard output. */
    static String failed(PoolNode node, String line) {
        CommandReply reply = run(node, line);
        assertThat(reply.exitCode()).as(line + ": " + reply).isEqualTo(1);
        assertThat(reply.out()).isEmpty();
        return reply.err();
    }
}
