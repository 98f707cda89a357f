package io.bramble.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One {@code bramble node} on each of some hosts of a network lab, started by the launcher the
 * caller gives (its arguments and environment), and started again after a kill or a stop.
 */
public final class LabNodes {
    /** A node's JVM starts on a busy machine. */
    public static final Duration NODE_START_TIMEOUT = Duration.ofSeconds(90);

    private final NetnsLab lab;
    private final Function<LabHost, ManagedProcess> launcher;
    private final Map<String, ManagedProcess> nodes = new HashMap<>();

    public LabNodes(NetnsLab lab, Function<LabHost, ManagedProcess> launcher) {
        this.lab = lab;
        this.launcher = launcher;
    }

    /** Starts a node on each host of {@code names} at once and waits until each listens. */
    public void startAll(List<String> names) {
        names.forEach(name -> nodes.put(name, launcher.apply(lab.host(name))));
        names.forEach(this::awaitListening);
    }

    public LabHost host(String name) {
        return lab.host(name);
    }

    public String address(String name) {
        return lab.host(name).address().getHostAddress();
    }

    /** The node process running on {@code name} now. */
    public ManagedProcess node(String name) {
        return nodes.get(name);
    }

    /** Starts {@code name}'s node again (after a kill or a stop) and waits until it listens. */
    public void restart(String name) {
        assertThat(nodes.get(name).isAlive()).as("%s's node before its restart", name)
                .isFalse();
        nodes.put(name, launcher.apply(lab.host(name)));
        awaitListening(name);
    }

    private void awaitListening(String name) {
        nodes.get(name).awaitLine(Pattern.compile("listening on"), NODE_START_TIMEOUT);
    }
}
