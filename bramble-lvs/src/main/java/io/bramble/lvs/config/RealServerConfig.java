package io.bramble.lvs.config;

import io.bramble.common.config.Location;
import io.bramble.vrrp.config.Command;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * One {@code real_server} block, checked.
 *
 * @param where its first line
 * @param address where the director connects; the virtual port when none was written
 * @param method how connections reach it: its own {@code lvs_method}, else its virtual
 *        server's
 * @param weight 0 to {@link #WEIGHT_MAX}; 0 takes no new connections (quiesced)
 * @param inhibitOnFailure a failed server gets weight 0 instead of leaving the service
 * @param notifyUp run when its checks pass again; empty for none
 * @param notifyDown run when a check fails; empty for none
 * @param alpha it starts down until its checks pass
 * @param checks every one must pass for it to be up; none means always up
 */
public record RealServerConfig(Location where, InetSocketAddress address,
        ForwardMethod method, int weight,
        boolean inhibitOnFailure, Command notifyUp, Command notifyDown, boolean alpha,
        List<CheckConfig> checks) {
    /** IPVS keeps weights in a signed 32-bit field; keepalived reads up to 65535. */
    public static final int WEIGHT_MAX = 65_535;

    public RealServerConfig {
        checks = List.copyOf(checks);
    }
}
