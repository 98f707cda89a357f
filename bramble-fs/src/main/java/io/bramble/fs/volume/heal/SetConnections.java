package io.bramble.fs.volume.heal;

import io.bramble.fs.brick.wire.BrickClient;
import io.bramble.fs.brick.wire.BrickTarget;
import io.bramble.fs.brick.wire.ClientSettings;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.volume.spec.BrickEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections to the copies of one replica set, made from where the volume's layout said each
 * copy was served: the heal worker's, kept from pass to pass, or a command's, for as long as
 * it runs ({@code volume heal NAME info split-brain}, {@code split-brain ...}). Each
 * reconnects by itself when its copy comes back on the same port.
 */
public final class SetConnections implements AutoCloseable {
    private final List<BrickEndpoint> endpoints;
    private final List<BrickClient> clients;

    private SetConnections(List<BrickEndpoint> endpoints, List<BrickClient> clients) {
        this.endpoints = List.copyOf(endpoints);
        this.clients = List.copyOf(clients);
    }

    public static SetConnections open(String volume, List<BrickEndpoint> endpoints, PoolTls tls) {
        List<BrickClient> clients = new ArrayList<>();
        for (BrickEndpoint copy : endpoints) {
            clients.add(BrickClient.connect(new BrickTarget(copy.address(), copy.port(), volume,
                    copy.brick().path()), tls, ClientSettings.DEFAULTS));
        }
        return new SetConnections(endpoints, clients);
    }

    /** Whether these connections lead where {@code others} say the copies are served. */
    boolean leadTo(List<BrickEndpoint> others) {
        if (others.size() != endpoints.size()) {
            return false;
        }
        for (int i = 0; i < others.size(); i++) {
            BrickEndpoint a = endpoints.get(i);
            BrickEndpoint b = others.get(i);
            if (!a.address().equals(b.address()) || a.port() != b.port() || a.online() != b
                    .online()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some copy was offline in the layout these connections were made from: the
     * layout is asked again at each pass, and the connections made anew once it is back (a
     * fresh connection, rather than one backing off after failed attempts).
     */
    boolean incomplete() {
        return endpoints.stream().anyMatch(e -> !e.online() || e.port() <= 0);
    }

    public boolean allConnected() {
        return clients.stream().allMatch(BrickClient::isConnected);
    }

    /**
     * Waits up to {@code timeoutMs} for every copy online in the layout to be connected; a
     * copy offline there, or given no port, is not waited for.
     */
    public void awaitConnected(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        for (int i = 0; i < clients.size(); i++) {
            if (endpoints.get(i).online() && endpoints.get(i).port() > 0) {
                clients.get(i).awaitConnected(Math.max(0, (deadline - System.nanoTime())
                        / 1_000_000));
            }
        }
    }

    /** The copies, in the set's order. */
    public List<FileOps> ops() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
        clients.forEach(BrickClient::close);
    }
}
