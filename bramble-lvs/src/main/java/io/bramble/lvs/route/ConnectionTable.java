package io.bramble.lvs.route;

import io.bramble.lvs.config.ForwardMethod;
import io.bramble.lvs.nat.DirectorLimits;
import io.bramble.lvs.schedule.Destination;
import io.bramble.lvs.service.ServiceCounters;
import io.bramble.lvs.service.VirtualService;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The connections of one DR or TUN virtual service, as IPVS keeps them when it sees only the
 * client's half: a TCP SYN opens one on the server its service chooses, the client's FIN makes
 * it inactive, a RST or an idle timeout ends it; every UDP datagram of a new client address
 * and port opens a flow, counted inactive as in IPVS, ended after its idle timeout. A packet of
 * no known connection that does not open one is dropped. At most
 * {@link DirectorLimits#connectionsMax} entries; past it new connections are dropped. Pure:
 * time comes in with each call; one thread uses it.
 */
final class ConnectionTable {
    private final VirtualService service;
    private final DirectorLimits limits;
    private final Map<ClientKey, Connection> connections = new HashMap<>();
    final RouteCounters counters;

    private static final class Connection {
        final InetAddress client;
        final Destination server;
        final boolean udp;
        boolean active;
        long lastNanos;

        Connection(InetAddress client, Destination server, boolean udp, long nowNanos) {
            this.client = client;
            this.server = server;
            this.udp = udp;
            this.active = !udp;
            this.lastNanos = nowNanos;
        }
    }

    ConnectionTable(VirtualService service, DirectorLimits limits, RouteCounters counters) {
        this.service = service;
        this.limits = limits;
        this.counters = counters;
    }

    /** The server {@code packet} goes to, or null when it is dropped. */
    Destination route(Ipv4Packet packet, long nowNanos) {
        ClientKey key = ClientKey.of(packet);
        Connection connection = connections.get(key);
        if (connection != null && packet.opensConnection() && !connection.active) {
            end(key, connection);
            connection = null;
        }
        if (connection == null) {
            connection = open(key, packet, nowNanos);
            if (connection == null) {
                return null;
            }
        }
        connection.lastNanos = nowNanos;
        if (packet.tcp() && packet.has(Ipv4Packet.RST)) {
            end(key, connection);
        } else if (packet.tcp() && packet.has(Ipv4Packet.FIN) && connection.active) {
            service.deactivated(connection.server);
            connection.active = false;
        }
        return connection.server;
    }

    private Connection open(ClientKey key, Ipv4Packet packet, long nowNanos) {
        if (packet.tcp() && !packet.opensConnection()) {
            counters.noConnection++;
            return null;
        }
        if (connections.size() >= limits.connectionsMax()) {
            counters.tableFull++;
            service.counters().refused(ServiceCounters.Refusal.TABLE_FULL);
            return null;
        }
        InetAddress client = address(packet.source());
        Destination server = service.connect(client, address(packet.destination()));
        if (server == null) {
            counters.noServer++;
            return null;
        }
        Connection connection = new Connection(client, server, !packet.tcp(), nowNanos);
        if (connection.udp) {
            service.deactivated(server);
        }
        connections.put(key, connection);
        return connection;
    }

    /** Ends the connections idle past their timeout. */
    void expire(long nowNanos) {
        Iterator<Map.Entry<ClientKey, Connection>> it = connections.entrySet().iterator();
        while (it.hasNext()) {
            Connection connection = it.next().getValue();
            long idle = (connection.udp
                    ? limits.udpIdle()
                    : connection.active ? limits.tcpIdle() : limits.tcpFinIdle()).toNanos();
            if (nowNanos - connection.lastNanos >= idle) {
                it.remove();
                service.disconnected(connection.client, connection.server, connection.active);
            }
        }
    }

    /** A packet of {@code bytes} was passed on to one of the service's servers. */
    void forwarded(int bytes) {
        service.counters().incomingPacket(bytes);
    }

    /** How packets reach {@code server}. */
    ForwardMethod method(Destination server) {
        return service.method(server);
    }

    int size() {
        return connections.size();
    }

    private void end(ClientKey key, Connection connection) {
        connections.remove(key);
        service.disconnected(connection.client, connection.server, connection.active);
    }

    static InetAddress address(int address) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) (address >>> 24),
                    (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
