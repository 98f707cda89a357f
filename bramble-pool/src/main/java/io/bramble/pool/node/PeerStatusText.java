package io.bramble.pool.node;

import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code peer status} in Gluster's layout: {@code Number of Peers: N}, then for each other
 * member a blank line and {@code Hostname:}, {@code Uuid:}, {@code State:} and, when it has
 * more names, {@code Other names:} with one name a line.
 */
final class PeerStatusText {
    private PeerStatusText() {
    }

    static String render(List<Member> peers, Function<UUID, PeerState> state) {
        StringBuilder out = new StringBuilder("Number of Peers: ").append(peers.size())
                .append('\n');
        for (Member peer : peers) {
            out.append('\n')
                    .append("Hostname: ").append(peer.hostname()).append('\n')
                    .append("Uuid: ").append(peer.id()).append('\n')
                    .append("State: Peer in Cluster (").append(state.apply(peer.id()).shown())
                    .append(")\n");
            if (!peer.otherNames().isEmpty()) {
                out.append("Other names:\n");
                peer.otherNames().forEach(n -> out.append(n).append('\n'));
            }
        }
        return out.toString();
    }
}
