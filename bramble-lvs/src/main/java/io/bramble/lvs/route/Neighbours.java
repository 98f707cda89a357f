package io.bramble.lvs.route;

import io.bramble.common.time.Clock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where DR sends a real server's frames: its MAC and the interface that reaches it, from the
 * kernel's neighbour table (which the checkers' connections keep warm), with this machine's
 * MAC on that interface as the source. A server not in the table is asked for: a datagram to
 * its discard port makes the kernel resolve it, and the table is read again at most once per
 * {@link #REREAD_NANOS}; every entry is read again after {@link #REFRESH_NANOS}, so that a
 * server replaced by another machine is followed. Used by the forwarding thread alone.
 */
final class Neighbours implements AutoCloseable {
    static final long REREAD_NANOS = 1_000_000_000L;
    static final long REFRESH_NANOS = 30_000_000_000L;
    static final Path ARP = Path.of("/proc/net/arp");
    private static final int DISCARD_PORT = 9;

    /** How to send to one server: out of {@code interfaceIndex}, from and to these MACs. */
    record Link(int interfaceIndex, byte[] sourceMac, byte[] destinationMac) {}

    private final Clock clock;
    private final Path arpFile;
    private final Map<InetAddress, Link> links = new HashMap<>();
    private final DatagramChannel kicker;
    private long readNanos;
    private boolean readOnce;

    Neighbours(Clock clock, Path arpFile) throws IOException {
        this.clock = clock;
        this.arpFile = arpFile;
        this.kicker = DatagramChannel.open();
        kicker.configureBlocking(false);
    }

    /** The link to {@code server}, or null while it is not known (it is being asked for). */
    Link link(InetAddress server) {
        long now = clock.nanoTime();
        if (readOnce && now - readNanos >= REFRESH_NANOS) {
            links.clear();
        }
        Link link = links.get(server);
        if (link != null) {
            return link;
        }
        if (!readOnce || now - readNanos >= REREAD_NANOS) {
            read(now);
            link = links.get(server);
        }
        if (link == null) {
            kick(server);
        }
        return link;
    }

    private void read(long now) {
        readOnce = true;
        readNanos = now;
        links.clear();
        Map<InetAddress, ArpTable.Neighbour> table;
        try {
            table = ArpTable.parse(Files.readString(arpFile));
        } catch (IOException e) {
            return;
        }
        Map<String, NetworkInterface> interfaces = new HashMap<>();
        for (var entry : table.entrySet()) {
            NetworkInterface nic = interfaces.computeIfAbsent(entry.getValue().interfaceName(),
                    Neighbours::nic);
            byte[] own = mac(nic);
            if (own != null) {
                links.put(entry.getKey(), new Link(nic.getIndex(), own,
                        entry.getValue().mac()));
            }
        }
    }

    private void kick(InetAddress server) {
        try {
            kicker.send(ByteBuffer.allocate(0), new InetSocketAddress(server, DISCARD_PORT));
        } catch (IOException e) {
            // No route: the server stays unknown and its packets are dropped, counted.
        }
    }

    private static NetworkInterface nic(String name) {
        try {
            return NetworkInterface.getByName(name);
        } catch (SocketException e) {
            return null;
        }
    }

    private static byte[] mac(NetworkInterface nic) {
        try {
            byte[] mac = nic == null ? null : nic.getHardwareAddress();
            return mac != null && mac.length == 6 ? mac : null;
        } catch (SocketException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        kicker.close();
    }
}
