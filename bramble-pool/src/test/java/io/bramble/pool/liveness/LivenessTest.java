package io.bramble.pool.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LivenessTest {
    private static final UUID B = new UUID(0, 2);

    @Test
    void heardConnectsAndSilenceDisconnects() {
        ManualClock clock = new ManualClock();
        Liveness liveness = new Liveness(clock, 700);
        liveness.track(B);
        assertThat(liveness.state(B)).isEqualTo(PeerState.DISCONNECTED);
        assertThat(liveness.heard(B)).singleElement()
                .satisfies(c -> assertThat(c.to()).isEqualTo(PeerState.CONNECTED));
        assertThat(liveness.heard(B)).isEmpty();
        clock.advanceMillis(700);
        assertThat(liveness.tick()).isEmpty();
        clock.advanceMillis(1);
        assertThat(liveness.tick()).singleElement().satisfies(c -> {
            assertThat(c.to()).isEqualTo(PeerState.DISCONNECTED);
            assertThat(c.cause()).isEqualTo(LivenessChange.Cause.SILENT);
        });
        assertThat(liveness.tick()).isEmpty();
    }

    @Test
    void aClosedConnectionDisconnectsAtOnce() {
        Liveness liveness = new Liveness(new ManualClock(), 700);
        liveness.track(B);
        liveness.heard(B);
        assertThat(liveness.lost(B)).singleElement()
                .satisfies(c -> assertThat(c.cause())
                        .isEqualTo(LivenessChange.Cause.CONNECTION_CLOSED));
        assertThat(liveness.connectedCount()).isZero();
    }

    @Test
    void aMemberHeardAfterItWasLostIsHeardAgain() {
        Liveness liveness = new Liveness(new ManualClock(), 700);
        liveness.track(B);
        assertThat(liveness.heard(B)).singleElement().satisfies(c -> assertThat(c.cause())
                .isEqualTo(LivenessChange.Cause.HEARD));
        liveness.lost(B);
        assertThat(liveness.heard(B)).singleElement().satisfies(c -> assertThat(c.cause())
                .isEqualTo(LivenessChange.Cause.HEARD_AGAIN));
    }

    @Test
    void untrackedMembersAreIgnored() {
        Liveness liveness = new Liveness(new ManualClock(), 700);
        assertThat(liveness.heard(B)).isEmpty();
        liveness.track(B);
        liveness.heard(B);
        liveness.forget(B);
        assertThat(liveness.state(B)).isEqualTo(PeerState.DISCONNECTED);
        assertThat(liveness.tick()).isEmpty();
    }

    /**
     * Any sequence of heartbeats, closes and clock steps: a member is connected exactly when
     * it was heard within the silence bound and no close came after, and every reported
     * change alternates.
     */
    @Property
    void stateFollowsTheLastSignOfLife(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> steps,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 400) Integer> gaps) {
        ManualClock clock = new ManualClock();
        Liveness liveness = new Liveness(clock, 700);
        liveness.track(B);
        long lastHeard = Long.MIN_VALUE;
        boolean closedSince = true;
        List<LivenessChange> changes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            clock.advanceMillis(i < gaps.size() ? gaps.get(i) : 50);
            switch (steps.get(i)) {
                case 0 -> {
                    changes.addAll(liveness.heard(B));
                    lastHeard = clock.millis();
                    closedSince = false;
                }
                case 1 -> {
                    changes.addAll(liveness.lost(B));
                    closedSince = true;
                }
                default -> changes.addAll(liveness.tick());
            }
            changes.addAll(liveness.tick());
            boolean expectConnected = !closedSince && clock.millis() - lastHeard <= 700;
            assertThat(liveness.state(B) == PeerState.CONNECTED).isEqualTo(expectConnected);
        }
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).from()).isEqualTo(changes.get(i - 1).to());
        }
    }
}
