package io.bramble.lvs.schedule;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code lblcr}: locality-based least connection with replication. Each virtual address has a
 * set of servers; a client goes to the least loaded of the set unless it is overloaded, in
 * which case the least loaded server of all joins the set and takes the client. A set that
 * did not change for {@link Locality#EXPIRATION_NANOS} loses its most loaded member.
 */
final class LocalityReplication implements Scheduler {
    private static final class ServerSet {
        final List<Destination> members = new ArrayList<>();
        long changedNanos;
        long usedNanos;
    }

    private final Map<InetAddress, ServerSet> sets = new RecentEntries<>(
            Locality.ENTRIES_MAX);

    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        long now = flow.nowNanos();
        ServerSet set = sets.get(flow.target());
        if (set == null || now - set.usedNanos >= Locality.EXPIRATION_NANOS) {
            set = new ServerSet();
            set.changedNanos = now;
            sets.put(flow.target(), set);
        }
        set.usedNanos = now;
        set.members.retainAll(servers);
        Destination least = Locality.leastLoaded(set.members);
        if (set.members.size() > 1 && now - set.changedNanos >= Locality.EXPIRATION_NANOS) {
            set.members.remove(mostLoaded(set.members));
            set.changedNanos = now;
        }
        if (least != null && !Locality.overloaded(least, servers)) {
            return least;
        }
        Destination chosen = Locality.leastLoaded(servers);
        if (chosen != null && !set.members.contains(chosen)) {
            set.members.add(chosen);
            set.changedNanos = now;
        }
        return chosen;
    }

    private static Destination mostLoaded(List<Destination> members) {
        Destination most = members.getFirst();
        for (Destination member : members) {
            if (Locality.load(member) * Math.max(most.weight(), 1) > Locality.load(most)
                    * Math.max(member.weight(), 1)) {
                most = member;
            }
        }
        return most;
    }
}
