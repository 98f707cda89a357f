package io.bramble.lvs.schedule;

import io.bramble.common.check.Checks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * IPVS's persistence templates ({@code persistence_timeout}, {@code persistence_granularity}):
 * a client network, the client's address cut to the granularity, keeps its real server while
 * it has connections and for the timeout after its last one started or ended. A template
 * whose server left the service is dropped; one whose server was quiesced (weight 0) is
 * kept, as IPVS keeps it. Bounded: past {@link #ENTRIES_MAX} the least recently used idle
 * template goes, and a client is scheduled without one when every template is busy.
 */
public final class PersistenceTable {
    public static final int ENTRIES_MAX = 65_536;

    private static final class Template {
        final Destination server;
        int connections;
        long expiresNanos;

        Template(Destination server) {
            this.server = server;
        }
    }

    private final long timeoutNanos;
    private final int prefixBits;
    private final int entriesMax;
    private final Map<InetAddress, Template> templates = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param timeoutNanos how long a template outlives its last connection's start or end
     * @param prefixBits the granularity: how many leading bits of the client address count
     * @param entriesMax at most this many templates
     */
    public PersistenceTable(long timeoutNanos, int prefixBits, int entriesMax) {
        Checks.argument(timeoutNanos > 0, "the timeout must be positive");
        Checks.argument(entriesMax > 0, "at least one template");
        this.timeoutNanos = timeoutNanos;
        this.prefixBits = prefixBits;
        this.entriesMax = entriesMax;
    }

    /** The server {@code client} is bound to, or null; {@code inService} tells who stays. */
    public Destination lookup(InetAddress client, long nowNanos,
            Predicate<Destination> inService) {
        InetAddress key = network(client);
        Template template = templates.get(key);
        if (template == null) {
            return null;
        }
        if ((template.connections == 0 && nowNanos - template.expiresNanos >= 0)
                || !inService.test(template.server)) {
            templates.remove(key);
            return null;
        }
        return template.server;
    }

    /** A connection of {@code client} to {@code server} started. */
    public void connected(InetAddress client, Destination server, long nowNanos) {
        InetAddress key = network(client);
        Template template = templates.get(key);
        if (template == null || template.server != server) {
            if (template == null && templates.size() >= entriesMax && !evictIdle()) {
                return;
            }
            Template fresh = new Template(server);
            if (template != null) {
                fresh.connections = template.connections;
            }
            template = fresh;
            templates.put(key, template);
        }
        template.connections++;
        template.expiresNanos = nowNanos + timeoutNanos;
    }

    /** A connection of {@code client} ended; the template lives on for the timeout. */
    public void disconnected(InetAddress client, long nowNanos) {
        Template template = templates.get(network(client));
        if (template != null && template.connections > 0) {
            template.connections--;
            template.expiresNanos = nowNanos + timeoutNanos;
        }
    }

    /** How many templates are held, expired ones not yet dropped included. */
    public int size() {
        return templates.size();
    }

    private boolean evictIdle() {
        Iterator<Template> oldestFirst = templates.values().iterator();
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().connections == 0) {
                oldestFirst.remove();
                return true;
            }
        }
        return false;
    }

    /** The client's address with the bits past the granularity cleared. */
    InetAddress network(InetAddress client) {
        byte[] bytes = client.getAddress();
        int keep = Math.min(prefixBits, bytes.length * 8);
        for (int bit = keep; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
