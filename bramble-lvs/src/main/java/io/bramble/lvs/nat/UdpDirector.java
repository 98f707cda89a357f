package io.bramble.lvs.nat;

import io.bramble.common.time.Clock;
import io.bramble.lvs.schedule.Destination;
import io.bramble.lvs.service.ServiceCounters;
import io.bramble.lvs.service.VirtualService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Directs UDP datagrams: each client address and port is a flow bound to the real server its
 * service chose, through a socket of its own whose replies go back to the client from the
 * virtual address. A flow counts as an inactive connection, as IPVS counts UDP, and is
 * forgotten after {@link DirectorLimits#udpIdle} without traffic. Blocking sockets on virtual
 * threads: one reader per virtual address and one per flow.
 */
public final class UdpDirector implements AutoCloseable {
    /** The largest UDP payload. */
    static final int DATAGRAM_BYTES_MAX = 65_535;

    private final VirtualService service;
    private final DirectorLimits limits;
    private final Clock clock;
    private final Map<SocketAddress, UdpFlow> flows = new ConcurrentHashMap<>();
    private final List<DatagramChannel> listeners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /** One client's flow. */
    private final class UdpFlow {
        final InetSocketAddress client;
        final Destination server;
        final DatagramChannel upstream;
        volatile long lastActivityNanos;

        UdpFlow(InetSocketAddress client, Destination server, DatagramChannel upstream) {
            this.client = client;
            this.server = server;
            this.upstream = upstream;
            this.lastActivityNanos = clock.nanoTime();
        }
    }

    public UdpDirector(VirtualService service, DirectorLimits limits, Clock clock) {
        this.service = service;
        this.limits = limits;
        this.clock = clock;
    }

    /** Binds every address of the service and starts reading. */
    public void start() throws IOException {
        for (InetSocketAddress address : service.config().addresses()) {
            DatagramChannel listener = DatagramChannel.open().bind(address);
            listeners.add(listener);
            threads.add(Thread.ofVirtual().name("lvs-udp-" + address)
                    .start(() -> readClients(listener, address)));
        }
        threads.add(Thread.ofVirtual().name("lvs-udp-expiry").start(this::expire));
    }

    /** Flows held now. */
    public int flows() {
        return flows.size();
    }

    private void readClients(DatagramChannel listener, InetSocketAddress virtual) {
        ByteBuffer buffer = ByteBuffer.allocate(DATAGRAM_BYTES_MAX);
        try {
            while (true) {
                buffer.clear();
                InetSocketAddress client = (InetSocketAddress) listener.receive(buffer);
                buffer.flip();
                UdpFlow flow = flows.get(client);
                if (flow == null) {
                    flow = open(listener, virtual, client);
                    if (flow == null) {
                        continue;
                    }
                }
                flow.lastActivityNanos = clock.nanoTime();
                service.counters().incoming(buffer.remaining());
                flow.upstream.write(buffer);
            }
        } catch (ClosedChannelException closed) {
            // stopping
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private UdpFlow open(DatagramChannel listener, InetSocketAddress virtual,
            InetSocketAddress client) throws IOException {
        if (flows.size() >= limits.connectionsMax()) {
            service.counters().refused(ServiceCounters.Refusal.TABLE_FULL);
            return null;
        }
        Destination server = service.connect(client.getAddress(), virtual.getAddress());
        if (server == null) {
            return null;
        }
        service.deactivated(server);
        UdpFlow flow = new UdpFlow(client, server, DatagramChannel.open()
                .connect(server.address()));
        flows.put(client, flow);
        Thread.ofVirtual().name("lvs-udp-flow-" + client).start(() -> replies(listener, flow));
        return flow;
    }

    private void replies(DatagramChannel listener, UdpFlow flow) {
        ByteBuffer buffer = ByteBuffer.allocate(DATAGRAM_BYTES_MAX);
        try {
            while (true) {
                buffer.clear();
                flow.upstream.read(buffer);
                buffer.flip();
                flow.lastActivityNanos = clock.nanoTime();
                service.counters().outgoing(buffer.remaining());
                listener.send(buffer, flow.client);
            }
        } catch (IOException e) {
            // closed by expiry, or the server is unreachable: the flow ends
            end(flow);
        }
    }

    private void expire() {
        try {
            while (true) {
                Thread.sleep(Math.min(1_000, limits.udpIdle().toMillis()));
                long now = clock.nanoTime();
                for (Iterator<UdpFlow> it = flows.values().iterator(); it.hasNext();) {
                    UdpFlow flow = it.next();
                    if (now - flow.lastActivityNanos >= limits.udpIdle().toNanos()) {
                        end(flow);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void end(UdpFlow flow) {
        if (flows.remove(flow.client, flow)) {
            service.disconnected(flow.client.getAddress(), flow.server, false);
            try {
                flow.upstream.close();
            } catch (IOException e) {
                // nothing more to do with it
            }
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (DatagramChannel listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        flows.values().forEach(this::end);
    }
}
