package io.bramble.lvs.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import io.bramble.vrrp.config.Command;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A checker block as read; which fields count depends on its kind. */
final class CheckDraft {
    /** The checker kinds bramble runs. */
    enum Kind {
        TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK
    }

    final Kind kind;
    final Location where;
    final Tunables tunables;
    final Diagnostics diagnostics;
    InetAddress connectIp;
    int connectPort;
    InetAddress bindTo;
    int bindPort;
    String httpProtocol = "1.0";
    boolean sni;
    final List<UrlDraft> urls = new ArrayList<>();
    Command miscPath = Command.NONE;
    Duration miscTimeout;
    boolean miscDynamic;

    CheckDraft(Kind kind, Location where, Tunables parent, Diagnostics diagnostics) {
        this.kind = kind;
        this.diagnostics = diagnostics;
        this.where = where;
        this.tunables = new Tunables(parent);
    }

    /** One {@code url} block as read. */
    static final class UrlDraft {
        final Location where;
        String path;
        String digest;
        final List<StatusRange> statusCodes = new ArrayList<>();
        String virtualhost;

        UrlDraft(Location where) {
            this.where = where;
        }
    }
}
