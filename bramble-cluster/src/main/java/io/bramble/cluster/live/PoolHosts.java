package io.bramble.cluster.live;

import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import io.bramble.pool.node.PoolNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The cluster's nodes as the pool knows them: its members that are not witnesses, by host
 * name, in join order; online are those the asking member reaches now; names gives the host
 * name of such a member by id.
 */
public record PoolHosts(List<String> all, Set<String> online,
        Function<UUID, Optional<String>> names) {
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
        return new PoolHosts(hosts.stream().map(Member::hostname).toList(), online,
                id -> hosts.stream().filter(m -> m.id().equals(id)).map(Member::hostname)
                        .findFirst());
    }
}
