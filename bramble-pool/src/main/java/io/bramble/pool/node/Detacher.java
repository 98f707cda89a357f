package io.bramble.pool.node;

import io.bramble.pool.link.Exchange;
import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.MemberCodec;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.wire.Message;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** {@code peer detach HOST [force]}: removes a member from the store and the Raft group. */
final class Detacher {
    private final PoolNode node;

    Detacher(PoolNode node) {
        this.node = node;
    }

    String detach(String target, boolean force) {
        String host = target.strip();
        synchronized (node.changes) {
            Member member = find(host).orElseThrow(() -> new CommandFailure(
                    "peer detach: failed: " + host + " is not part of cluster"));
            if (member.id().equals(node.nodeId)) {
                throw new CommandFailure("peer detach: failed: " + host + " is localhost");
            }
            if (!force && node.state(member.id()) != PeerState.CONNECTED) {
                throw new CommandFailure("peer detach: failed: " + host + " is not connected;"
                        + " 'peer detach " + host + " force' removes it anyway");
            }
            try {
                node.store.delete(MemberCodec.TYPE, member.id().toString(), ClusterStore.ANY);
                node.store.put(Tombstones.TYPE, member.id().toString(), node.settings.clock()
                        .epochMillis(), ClusterStore.ANY);
                node.prober.setVoters();
            } catch (StoreException e) {
                throw new CommandFailure("peer detach: failed: " + e.getMessage());
            }
            node.refreshSoon();
            tell(member);
            node.log.event("detached " + member.hostname() + " (" + member.id() + ")");
            return "peer detach: success";
        }
    }

    private Optional<Member> find(String host) {
        Optional<Member> byName = node.members.byName(host);
        if (byName.isPresent()) {
            return byName;
        }
        try {
            String address = InetAddress.getByName(host).getHostAddress();
            return node.members.all().stream().filter(m -> m.address().equals(address))
                    .findFirst();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Tells the detached node, when it is up, so that it forgets the pool; best effort. */
    private void tell(Member member) {
        var pool = node.membership.poolId();
        try (Exchange exchange = Exchange.open(node.transport, new InetSocketAddress(
                member.address(), member.port()), 2_000)) {
            exchange.send(new Message.Detached(pool));
            Prober.sleep(200); // let the frame go out before the close
        } catch (IOException | CommandFailure e) {
            node.log.event(member.hostname() + " could not be told it was detached ("
                    + e.getMessage() + "); it forgets the pool when detached again or reset");
        }
    }
}
