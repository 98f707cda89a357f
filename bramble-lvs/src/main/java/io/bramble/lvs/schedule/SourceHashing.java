package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code sh}: a static table of 256 buckets maps the client's address to a server, as
 * ip_vs_sh does: the buckets are dealt out in order, each server taking as many consecutive
 * buckets as its weight. A client keeps its server while the servers do not change; when the
 * bucket's server has weight 0 there is no server (IPVS's behaviour without sh-fallback).
 */
final class SourceHashing implements Scheduler {
    static final int TABLE_BITS = 8;
    private Destination[] table;

    @Override
    public void serversChanged(List<Destination> servers) {
        table = deal(servers);
    }

    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        if (table == null) {
            serversChanged(servers);
        }
        Destination server = table[AddressHash.hash32(AddressHash.fold(flow.client()),
                TABLE_BITS)];
        return server != null && server.weight() > 0 ? server : null;
    }

    /** Each server in turn takes {@code weight} consecutive buckets (one when 0). */
    static Destination[] deal(List<Destination> servers) {
        Destination[] buckets = new Destination[1 << TABLE_BITS];
        if (servers.isEmpty()) {
            return buckets;
        }
        int server = 0;
        int taken = 0;
        for (int i = 0; i < buckets.length; i++) {
            Destination current = servers.get(server);
            buckets[i] = current;
            if (++taken >= current.weight()) {
                server = (server + 1) % servers.size();
                taken = 0;
            }
        }
        return buckets;
    }
}
