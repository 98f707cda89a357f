package io.bramble.cluster.live;

import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import io.bramble.pool.node.PoolNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster's nodes as the pool knows them: its members that are not witnesses, by host
 * name, in join order; online are those the asking member reaches now.
 */
public record PoolHosts(List<String> all, Set<String> online) {
    public PoolHosts {
        all = List.copyOf(all);
        online = Set.copyOf(online);
    }

    public static PoolHosts of(PoolNode node) {
        List<Member> hosts = node.members().all().stream()
                .filter(m -> m.role() != Role.WITNESS).toList();
        Set<String> online = new LinkedHashSet<>();
        hosts.stream().filter(m -> node.state(m.id()) == PeerState.CONNECTED)
                .forEach(m -> online.add(m.hostname()));
        return new PoolHosts(hosts.stream().map(Member::hostname).toList(), online);
    }
}
