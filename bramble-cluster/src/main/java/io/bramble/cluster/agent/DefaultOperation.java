package io.bramble.cluster.agent;

import java.util.Optional;

/**
 * An operation pcs puts on a new resource from its agent's meta-data.
 *
 * @param name the action
 * @param interval as written ({@code 10s}); {@code 60s} for a monitor that names none,
 *     {@code 0s} for any other action
 * @param timeout as written, if the agent gives one
 * @param role the role it applies to, if given
 * @param startDelay as written, if given
 * @param depth the monitor's {@code OCF_CHECK_LEVEL} when it is not 0
 */
public record DefaultOperation(String name, String interval, Optional<String> timeout,
        Optional<String> role, Optional<String> startDelay, Optional<String> depth) {}
