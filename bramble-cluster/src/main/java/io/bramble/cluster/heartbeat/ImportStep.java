package io.bramble.cluster.heartbeat;

import io.bramble.common.config.Location;
import java.util.List;

/**
 * One pcs command of an import, and the line of Heartbeat's files it comes from.
 *
 * @param where the haresources or ha.cf line
 * @param words pcs's words, as after {@code pcs -f FILE}
 */
public record ImportStep(Location where, List<String> words) {
    public ImportStep {
        words = List.copyOf(words);
    }
}
