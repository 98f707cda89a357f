package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code dh}: a static table of 256 buckets maps the virtual address the client reached to a
 * server, as ip_vs_dh does: buckets are dealt to the servers in turn, weights aside. When the
 * bucket's server has weight 0 there is no server.
 */
final class DestinationHashing implements Scheduler {
    private static final int TABLE_MASK = 0xff;
    private Destination[] table;

    @Override
    public void serversChanged(List<Destination> servers) {
        table = new Destination[TABLE_MASK + 1];
        for (int i = 0; i < table.length && !servers.isEmpty(); i++) {
            table[i] = servers.get(i % servers.size());
        }
    }

    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        if (table == null) {
            serversChanged(servers);
        }
        Destination server = table[AddressHash.fold(flow.target()) * AddressHash.KNUTH
                & TABLE_MASK];
        return server != null && server.weight() > 0 ? server : null;
    }
}
