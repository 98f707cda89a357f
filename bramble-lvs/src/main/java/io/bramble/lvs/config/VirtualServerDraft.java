package io.bramble.lvs.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import io.bramble.lvs.schedule.SchedulerKind;
import io.bramble.vrrp.config.Command;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@code virtual_server} block as read, before defaults and the checks across blocks. */
final class VirtualServerDraft {
    final Location where;
    final String name;
    /** Set for {@code virtual_server ADDR PORT}. */
    final InetSocketAddress address;
    /** Set for {@code virtual_server group NAME}. */
    final String group;
    final Tunables tunables = new Tunables(null);
    final Diagnostics diagnostics;
    Protocol protocol = Protocol.TCP;
    SchedulerKind scheduler = SchedulerKind.WLC;
    ForwardMethod method = ForwardMethod.NAT;
    Duration persistenceTimeout;
    Integer persistenceBits;
    int quorum = 1;
    int hysteresis;
    Command quorumUp = Command.NONE;
    Command quorumDown = Command.NONE;
    InetSocketAddress sorryServer;
    boolean omega;
    boolean haSuspend;
    final List<RealServerDraft> realServers = new ArrayList<>();

    VirtualServerDraft(Location where, String name, InetSocketAddress address, String group,
            Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.where = where;
        this.name = name;
        this.address = address;
        this.group = group;
    }
}
