package io.bramble.cluster.agent;

import java.util.Optional;

/**
 * One action of an agent's meta-data, with the timings its author advises.
 *
 * @param name {@code start}, {@code stop}, {@code monitor}, {@code meta-data}, ...
 * @param timeout as written ({@code 20s}), if given
 * @param interval as written, if given; a monitor's interval makes it recurring
 * @param depth the monitor's {@code OCF_CHECK_LEVEL}, if given
 * @param role the role it applies to, in Pacemaker 2.1's words ({@code Promoted},
 *     {@code Unpromoted}), if given
 * @param startDelay as written, if given
 */
public record AgentAction(String name, Optional<String> timeout, Optional<String> interval,
        Optional<String> depth, Optional<String> role, Optional<String> startDelay) {}
