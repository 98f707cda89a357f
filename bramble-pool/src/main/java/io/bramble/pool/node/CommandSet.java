package io.bramble.pool.node;

import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.Set;

/**
 * Command words another module adds to the node, such as the file system's {@code volume}.
 * The node runs the pool's own words ({@code peer}, {@code pool}) and hands a line whose first
 * word it does not know to the set that registered that word, so the pool knows nothing of
 * what the set does. A set's lines arrive from the local CLI and, through the pool link, from
 * other members (never from strangers).
 */
public interface CommandSet {
    /** The first words of the lines this set runs; a word belongs to one set per node. */
    Set<String> words();

    /**
     * Runs {@code args}, whose first word is one of {@link #words()}, on a command thread that
     * may block. A failure to show the user is a reply with a non-zero exit code, or a
     * {@link CommandFailure} (exit code 1, its message on standard error).
     */
    CommandReply run(PoolNode node, List<String> args);
}
