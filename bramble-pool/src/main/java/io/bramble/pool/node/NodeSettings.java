package io.bramble.pool.node;

import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import java.nio.file.Path;

/**
 * How {@code bramble node} was started.
 *
 * @param stateDir the state directory
 * @param listenHost the address to listen on, {@code 0.0.0.0} for all
 * @param port the management port (24007 by default, glusterd's)
 * @param raftPort the cluster store's port, on the same address
 * @param name the name this node gives itself (its host name by default)
 * @param witness hold a vote but no records
 * @param joinSecret probes must carry this secret; empty when joining is open
 */
public record NodeSettings(Path stateDir, String listenHost, int port, int raftPort,
        String name, boolean witness, byte[] joinSecret, Clock clock) {
    /** glusterd's management port, which bramble takes by default. */
    public static final int PORT_DEFAULT = 24007;
    public static final String STATE_DIR_DEFAULT = "/var/lib/bramble";

    public NodeSettings {
        Checks.inRange(port, 0, 65535, "port");
        Checks.inRange(raftPort, 0, 65535, "raftPort");
        joinSecret = joinSecret.clone();
    }

    public boolean listensOnAll() {
        return listenHost.equals("0.0.0.0") || listenHost.equals("::");
    }
}
