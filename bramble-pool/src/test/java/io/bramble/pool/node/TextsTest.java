package io.bramble.pool.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The gluster layouts, against the seeds' own outputs. */
class TextsTest {
    private static final UUID G2 = UUID.fromString("5b969ed1-01c2-406e-9710-944436c41c98");
    private static final UUID G3 = UUID.fromString("9a00c151-af6e-44c5-9d14-5607270b4038");

    private static Member member(UUID id, String... names) {
        return new Member(id, List.of(names), "192.168.2.13", 24007, 24008, Role.VOTER, 0);
    }

    @Test
    void peerStatusAsSeed000ShowsIt() {
        String text = PeerStatusText.render(List.of(member(G2, "gluster2.local"),
                member(G3, "gluster3.local")),
                id -> id.equals(G3)
                        ? PeerState.DISCONNECTED
                        : PeerState.CONNECTED);
        assertThat(text).isEqualTo("""
                Number of Peers: 2

                Hostname: gluster2.local
                Uuid: 5b969ed1-01c2-406e-9710-944436c41c98
                State: Peer in Cluster (Connected)

                Hostname: gluster3.local
                Uuid: 9a00c151-af6e-44c5-9d14-5607270b4038
                State: Peer in Cluster (Disconnected)
                """);
    }

    @Test
    void otherNamesFollowTheState() {
        String text = PeerStatusText.render(List.of(member(G2, "192.168.2.12",
                "gluster2.local")), id -> PeerState.CONNECTED);
        assertThat(text).endsWith("State: Peer in Cluster (Connected)\nOther names:\n"
                + "gluster2.local\n");
    }

    @Test
    void poolListAsSeed003ShowsIt() {
        UUID self = UUID.fromString("b13801f3-dcbd-487b-b3f3-2e95afa8b632");
        UUID g2 = UUID.fromString("bc003cd0-f733-4a25-85fb-40a7c387d667");
        String text = PoolListText.render(List.of(member(g2, "gluster2")), self,
                id -> PeerState.CONNECTED);
        assertThat(text).isEqualTo("UUID\t\t\t\t\tHostname\tState\n"
                + "bc003cd0-f733-4a25-85fb-40a7c387d667\tgluster2 \tConnected\n"
                + "b13801f3-dcbd-487b-b3f3-2e95afa8b632\tlocalhost\tConnected\n");
    }

    @Test
    void aProbeTargetTakesThisNodesPortUnlessGiven() {
        assertThat(Prober.parse("gluster2.local", 24007).port()).isEqualTo(24007);
        assertThat(Prober.parse("10.0.0.2:3000", 24007).port()).isEqualTo(3000);
        assertThat(Prober.parse(" gluster2 ", 24007).host()).isEqualTo("gluster2");
    }
}
