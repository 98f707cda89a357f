package io.bramble.lvs.config;

import io.bramble.common.config.Location;
import io.bramble.lvs.schedule.SchedulerKind;
import io.bramble.vrrp.config.Command;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * One {@code virtual_server} block, checked, defaults applied.
 *
 * @param where its first line
 * @param name as written: {@code 10.10.10.2 1358} or {@code group VSG_1}
 * @param addresses where it listens: one, or every address of its group
 * @param protocol TCP or UDP
 * @param scheduler {@code lvs_sched}, {@code wlc} by default
 * @param method {@code lvs_method}, NAT by default; the sorry server's
 * @param persistence present with {@code persistence_timeout}
 * @param quorum minimum total weight of the live real servers
 * @param hysteresis weight units of tolerance around the quorum
 * @param quorumUp run when the quorum is gained; empty for none
 * @param quorumDown run when the quorum is lost; empty for none
 * @param sorryServer serves alone while the quorum is not met
 * @param alpha real servers start down until their first check passes
 * @param omega at shutdown, run the quorum_down and notify_down scripts
 * @param haSuspend checks pause while no local interface holds the virtual address
 * @param realServers in file order
 */
public record VirtualServerConfig(Location where, String name,
        List<InetSocketAddress> addresses, Protocol protocol, SchedulerKind scheduler,
        ForwardMethod method, Optional<Persistence> persistence, int quorum, int hysteresis,
        Command quorumUp,
        Command quorumDown, Optional<InetSocketAddress> sorryServer, boolean alpha,
        boolean omega, boolean haSuspend, List<RealServerConfig> realServers) {
    public VirtualServerConfig {
        addresses = List.copyOf(addresses);
        realServers = List.copyOf(realServers);
    }

    /**
     * Whether its servers take the client's packets as they are (DR, TUN) rather than the
     * director's connections (NAT); a checked configuration never mixes the two.
     */
    public boolean passesPackets() {
        return realServers.isEmpty()
                ? method.passesPackets()
                : realServers.getFirst().method().passesPackets();
    }
}
