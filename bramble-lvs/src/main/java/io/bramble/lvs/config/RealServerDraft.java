package io.bramble.lvs.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import io.bramble.vrrp.config.Command;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** A {@code real_server} block as read; its port is the virtual one when none was written. */
final class RealServerDraft {
    final Location where;
    final InetAddress address;
    /** 0 when not written. */
    final int port;
    final Tunables tunables;
    final Diagnostics diagnostics;
    int weight = 1;
    /** Set by its own {@code lvs_method}; the virtual server's otherwise. */
    ForwardMethod method;
    Command notifyUp = Command.NONE;
    Command notifyDown = Command.NONE;
    final List<CheckDraft> checks = new ArrayList<>();

    RealServerDraft(Location where, InetAddress address, int port, Tunables parent,
            Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.where = where;
        this.address = address;
        this.port = port;
        this.tunables = new Tunables(parent);
    }
}
