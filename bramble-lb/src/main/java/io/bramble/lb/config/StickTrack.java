package io.bramble.lb.config;

import io.bramble.lb.format.SampleExpression;
import java.util.Optional;

/**
 * {@code track-scN KEY [table TABLE]}: stick counter N tracks KEY's entry of the table.
 *
 * @param counter 0 to 2
 * @param key the sample whose value is the key; empty for {@code src}, the client's address
 * @param table the proxy whose table it is: the one written, or the rule's own
 * @param location where it was written
 */
public record StickTrack(int counter, Optional<SampleExpression> key, String table,
        ConfigLocation location) {}
