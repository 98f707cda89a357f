package io.bramble.lvs.schedule;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * {@code mh}: Maglev consistent hashing over a lookup table of {@link #TABLE_SIZE} entries
 * (ip_vs_mh's default, a prime). Each server walks its own permutation of the table, taking
 * free entries in turns proportional to its weight; the client's address picks an entry.
 * Adding or removing a server moves mostly the clients that go to or came from it. Servers
 * of weight 0 take no entry. The hash is bramble's own and fixed, so every director with the
 * same servers maps a client alike (the kernel seeds it at random at boot).
 */
final class MaglevHashing implements Scheduler {
    static final int TABLE_SIZE = 4093;
    private Destination[] table;

    @Override
    public void serversChanged(List<Destination> servers) {
        table = populate(servers);
    }

    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        if (table == null) {
            serversChanged(servers);
        }
        Destination server = table[(int) Long.remainderUnsigned(hash(flow.client(), 0, 0),
                TABLE_SIZE)];
        return server != null && server.weight() > 0 ? server : null;
    }

    private static Destination[] populate(List<Destination> servers) {
        Destination[] entries = new Destination[TABLE_SIZE];
        int count = servers.size();
        int gcd = 0;
        int weighted = 0;
        for (Destination server : servers) {
            gcd = gcd(gcd, server.weight());
            weighted += server.weight() > 0 ? 1 : 0;
        }
        if (weighted == 0) {
            return entries;
        }
        long[] offset = new long[count];
        long[] skip = new long[count];
        long[] next = new long[count];
        for (int i = 0; i < count; i++) {
            InetSocketAddress address = servers.get(i).address();
            offset[i] = Long.remainderUnsigned(hash(address.getAddress(), address.getPort(), 1),
                    TABLE_SIZE);
            skip[i] = Long.remainderUnsigned(hash(address.getAddress(), address.getPort(), 2),
                    TABLE_SIZE - 1) + 1;
        }
        int filled = 0;
        while (true) {
            for (int i = 0; i < count; i++) {
                int turns = servers.get(i).weight() / gcd;
                for (int turn = 0; turn < turns; turn++) {
                    int entry;
                    do {
                        entry = (int) ((offset[i] + next[i] * skip[i]) % TABLE_SIZE);
                        next[i]++;
                    } while (entries[entry] != null);
                    entries[entry] = servers.get(i);
                    if (++filled == TABLE_SIZE) {
                        return entries;
                    }
                }
            }
        }
    }

    /** A 64-bit mix (SplitMix64's finaliser) of the address, the port and a salt. */
    static long hash(InetAddress address, int port, int salt) {
        long h = 0x9E3779B97F4A7C15L * (salt + 1);
        for (byte b : address.getAddress()) {
            h = mix(h ^ (b & 0xff));
        }
        return mix(h ^ port);
    }

    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
