package io.bramble.pool.node;

import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code pool list} in Gluster's layout: a tab-separated {@code UUID Hostname State} table,
 * the other members first and this node last as {@code localhost}.
 */
final class PoolListText {
    private PoolListText() {
    }

    static String render(List<Member> peers, UUID self, Function<UUID, PeerState> state) {
        StringBuilder out = new StringBuilder("UUID\t\t\t\t\tHostname\tState\n");
        for (Member peer : peers) {
            row(out, peer.id(), peer.hostname(), state.apply(peer.id()));
        }
        row(out, self, "localhost", PeerState.CONNECTED);
        return out.toString();
    }

    private static void row(StringBuilder out, UUID id, String host, PeerState state) {
        out.append(id).append('\t').append(String.format("%-9s", host)).append('\t')
                .append(state.shown()).append('\n');
    }
}
