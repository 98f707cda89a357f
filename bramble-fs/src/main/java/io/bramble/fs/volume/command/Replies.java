package io.bramble.fs.volume.command;

import io.bramble.pool.wire.Message.CommandReply;

/** Successful answers: what goes to standard output, and notes for standard error. */
final class Replies {
    private Replies() {
    }

    static CommandReply ok(String out) {
        return new CommandReply(0, out, "");
    }

    /** {@code out}, and {@code note} (when not empty) on standard error. */
    static CommandReply ok(String out, String note) {
        return new CommandReply(0, out, note);
    }

    /** Fails with {@code usage} unless {@code holds}. */
    static void usage(boolean holds, String usage) {
        if (!holds) {
            throw VolumeFailure.usage("Usage: " + usage);
        }
    }
}
