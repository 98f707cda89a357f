package io.bramble.lvs.route;

import io.bramble.common.os.LinuxException;
import io.bramble.common.os.NativeCalls;
import io.bramble.common.time.Clock;
import io.bramble.lvs.config.ForwardMethod;
import io.bramble.lvs.config.Protocol;
import io.bramble.lvs.config.RealServerConfig;
import io.bramble.lvs.nat.DirectorLimits;
import io.bramble.lvs.schedule.Destination;
import io.bramble.lvs.service.VirtualService;
import io.bramble.vrrp.linux.IpipSocket;
import io.bramble.vrrp.linux.PacketSocket;
import io.bramble.vrrp.linux.SilentSocket;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Directs the DR and TUN virtual services of a machine in user space. An AF_PACKET socket
 * takes the frames addressed to the virtual addresses; a filtered socket on each virtual
 * address and port keeps the kernel from answering them itself (no RST, no "port
 * unreachable"); each packet goes to the server its connection table chooses, unchanged at
 * the IP layer: in a frame to the server's MAC (DR) or inside IP in IP (TUN). The server
 * answers the client directly. One platform thread forwards and expires connections; needs
 * root (CAP_NET_RAW).
 */
public final class PacketDirector implements AutoCloseable {
    /** An Ethernet frame of the largest IPv4 packet. */
    static final int FRAME_BYTES_MAX = Ipv4Packet.ETHERNET_HEADER_BYTES + 65_535;
    static final int POLL_MS = 200;
    static final long EXPIRE_EVERY_NANOS = 1_000_000_000L;

    private final List<VirtualService> services;
    private final DirectorLimits limits;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<ServiceKey, ConnectionTable> tables = new HashMap<>();
    private final RouteCounters counters = new RouteCounters();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final byte[] frame = new byte[FRAME_BYTES_MAX];
    private final Ipv4Packet.Refusal[] why = new Ipv4Packet.Refusal[1];
    private PacketSocket frames;
    private IpipSocket tunnel;
    private Neighbours neighbours;
    private Thread thread;
    private volatile boolean closed;

    /** {@code services}: those whose servers take the client's packets (DR, TUN). */
    public PacketDirector(List<VirtualService> services, DirectorLimits limits, Clock clock,
            Consumer<String> log) {
        this.services = List.copyOf(services);
        this.limits = limits;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Opens the sockets and starts forwarding; throws, saying what is missing, when this
     * machine or this user cannot (not root, a DR server on no segment of this machine, a
     * virtual port already taken).
     */
    public void start() throws IOException {
        Set<Inet4Address> addresses = new LinkedHashSet<>();
        boolean tunnels = false;
        for (VirtualService service : services) {
            tunnels |= index(service, addresses);
        }
        try {
            frames = opening("DR and TUN take the clients' packets from the wire through an "
                    + "AF_PACKET socket",
                    () -> PacketSocket.open(Ipv4Packet.ETHERTYPE_IPV4,
                            VirtualAddressFilter.of(addresses), FRAME_BYTES_MAX));
            open.add(frames);
            if (tunnels) {
                tunnel = opening("TUN sends through a raw IP-in-IP socket",
                        () -> IpipSocket.open(FRAME_BYTES_MAX));
                open.add(tunnel);
            }
            silence();
            neighbours = new Neighbours(clock, Neighbours.ARP);
            open.add(neighbours);
        } catch (IOException e) {
            closeOpen();
            throw e;
        }
        thread = Thread.ofPlatform().daemon().name("lvs-route").start(this::run);
    }

    /**
     * Adds {@code service}'s table under each of its addresses and ports, and its addresses
     * to {@code addresses}; checks that its DR servers share a segment with this machine.
     * Returns whether it tunnels to a server.
     */
    private boolean index(VirtualService service, Set<Inet4Address> addresses)
            throws IOException {
        ConnectionTable table = new ConnectionTable(service, limits, counters);
        for (InetSocketAddress address : service.config().addresses()) {
            Inet4Address ip = (Inet4Address) address.getAddress();
            addresses.add(ip);
            int protocol = service.config().protocol() == Protocol.TCP
                    ? Ipv4Packet.TCP
                    : Ipv4Packet.UDP;
            tables.put(new ServiceKey(protocol, Ipv4Packet.s32(ip.getAddress(), 0),
                    address.getPort()), table);
        }
        boolean tunnels = false;
        for (RealServerConfig real : service.config().realServers()) {
            tunnels |= real.method() == ForwardMethod.TUN;
            if (real.method() == ForwardMethod.DR) {
                Segments.requireOnSegment(real.address().getAddress(), "DR real server");
            }
        }
        if (service.config().sorryServer().isPresent()) {
            tunnels |= service.config().method() == ForwardMethod.TUN;
            if (service.config().method() == ForwardMethod.DR) {
                Segments.requireOnSegment(service.config().sorryServer().get().getAddress(),
                        "DR sorry server");
            }
        }
        return tunnels;
    }

    private interface Opener<T> {
        T open() throws LinuxException;
    }

    /** Opens a socket, saying what for and, without the right, that it needs root. */
    private static <T> T opening(String what, Opener<T> opener) throws IOException {
        try {
            return opener.open();
        } catch (LinuxException e) {
            throw new IOException(what + (e.permissionDenied()
                    ? ", which needs root (CAP_NET_RAW): "
                    : ": ") + NativeCalls.strerror(e.errno()), e);
        }
    }

    private void silence() throws LinuxException {
        for (VirtualService service : services) {
            for (InetSocketAddress address : service.config().addresses()) {
                try {
                    open.add(SilentSocket.bind((Inet4Address) address.getAddress(),
                            address.getPort(), service.config().protocol() == Protocol.TCP));
                } catch (LinuxException e) {
                    throw new LinuxException("keeping the kernel off " + service.config()
                            .protocol() + " " + address.getAddress().getHostAddress() + ":"
                            + address.getPort() + " (is something listening there?): "
                            + e.getMessage(), e.errno());
                }
            }
        }
    }

    private void run() {
        long expired = clock.nanoTime();
        while (!closed) {
            try {
                int length = frames.receive(frame, POLL_MS);
                long now = clock.nanoTime();
                if (now - expired >= EXPIRE_EVERY_NANOS) {
                    expired = now;
                    for (ConnectionTable table : new LinkedHashSet<>(tables.values())) {
                        table.expire(now);
                    }
                }
                if (length > 0) {
                    forward(length, now);
                }
            } catch (LinuxException e) {
                if (closed) {
                    return;
                }
                counters.sendFailed++;
            }
        }
    }

    private void forward(int length, long now) throws LinuxException {
        if (Ipv4Packet.fromLoopback(frame)) {
            return;
        }
        Ipv4Packet packet = Ipv4Packet.parse(frame, length, why);
        if (packet == null) {
            if (why[0] != Ipv4Packet.Refusal.NOT_IPV4) {
                counters.refused++;
            }
            return;
        }
        ConnectionTable table = tables.get(new ServiceKey(packet.protocol(),
                packet.destination(), packet.destinationPort()));
        if (table == null) {
            return;
        }
        Destination server = table.route(packet, now);
        if (server == null) {
            return;
        }
        TransportChecksum.fill(frame, packet);
        Inet4Address to = (Inet4Address) server.address().getAddress();
        if (table.method(server) == ForwardMethod.TUN) {
            tunnel.send(frame, packet.ipOffset(), packet.ipLength(), to);
        } else {
            Neighbours.Link link = neighbours.link(to);
            if (link == null) {
                counters.noNeighbour++;
                return;
            }
            System.arraycopy(link.destinationMac(), 0, frame, 0, 6);
            System.arraycopy(link.sourceMac(), 0, frame, 6, 6);
            frames.send(frame, packet.ipOffset() + packet.ipLength(), link.interfaceIndex(),
                    link.destinationMac());
        }
        counters.forwarded++;
        counters.forwardedBytes += packet.ipLength();
        table.forwarded(packet.ipLength());
    }

    /** The packets dropped so far by reason ({@code no_server}, {@code table_full}...). */
    public Map<String, Long> drops() {
        return counters.drops();
    }

    /** What was forwarded and dropped so far. */
    public String counters() {
        return counters.toString();
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.accept("DR/TUN director: " + counters);
        }
        closeOpen();
    }

    private void closeOpen() {
        for (AutoCloseable part : open.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                log.accept("stopping: " + e.getMessage());
            }
        }
        open.clear();
    }
}
