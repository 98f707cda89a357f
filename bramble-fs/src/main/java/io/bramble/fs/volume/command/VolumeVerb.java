package io.bramble.fs.volume.command;

import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/** One verb of {@code volume VERB ...}. */
interface VolumeVerb {
    /**
     * Runs the verb on the words after it; a failure is a {@link VolumeFailure}.
     *
     * @param args the words after {@code volume VERB}
     */
    CommandReply run(VolumeContext ctx, List<String> args);
}
