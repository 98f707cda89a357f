package io.bramble.lb.proxy;

import io.bramble.lb.check.AdminState;
import io.bramble.lb.check.CheckResult;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A running server as the runtime API sees it: a consistent view of its state, and the
 * operator's controls (admin state, weight). Changes go through the server so the balancer
 * always agrees with the health state machine.
 */
public final class ServerHandle {
    private final Server server;
    private final int backendId;

    ServerHandle(Server server, int backendId) {
        this.server = server;
        this.backendId = backendId;
    }

    /**
     * One server's state at one instant.
     *
     * @param backendId the backend's position in the file, from 1 (HAProxy's be_id)
     * @param backend the backend's name
     * @param serverId the server's position in its backend, from 1
     * @param name the server's name
     * @param address where it is reached
     * @param up passes its checks (or is not checked)
     * @param checked runs active health checks
     * @param admin READY, DRAIN or MAINT
     * @param weight the current weight
     * @param initialWeight the weight in the configuration
     * @param statusText the stats page's status (UP, DOWN 1/2, MAINT...)
     * @param lastCheck the last check's result; empty before the first
     * @param healthCounter HAProxy's check health counter, 0 to rise+fall-1
     * @param sinceLastChangeS seconds since the last state change
     * @param tls the connection to it uses TLS
     */
    public record State(int backendId, String backend, int serverId, String name,
            InetSocketAddress address, boolean up, boolean checked, AdminState admin,
            int weight, int initialWeight, String statusText, Optional<CheckResult> lastCheck,
            int healthCounter, long sinceLastChangeS, boolean tls) {}

    public State state() {
        return server.state(backendId);
    }

    public String backend() {
        return server.backendName;
    }

    public String name() {
        return server.name();
    }

    /** Sets READY, DRAIN or MAINT; {@code source} says who, for the log. */
    public void setAdmin(AdminState state, String source) {
        server.setAdmin(state, source);
    }

    /** Sets the weight, 0 to 256; 0 takes no new traffic. */
    public void setWeight(int weight) {
        server.setWeight(weight);
    }
}
