package io.bramble.cluster.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettledViewTest {
    @Test
    void aViewIsSettledOnceItHeardEveryNodeOrOnceItIsOldEnough() {
        SettledView view = new SettledView(1_000);
        List<String> nodes = List.of("n1", "n2", "n3");
        assertThat(view.settled(1_000, nodes)).isFalse();
        view.reachable(List.of("n1", "n2"));
        assertThat(view.settled(2_000, nodes)).as("n3 never heard").isFalse();
        view.reachable(List.of("n1"));
        view.reachable(List.of("n3"));
        assertThat(view.settled(2_000, nodes)).as("each heard once, not all at once").isTrue();
        assertThat(new SettledView(1_000).settled(1_000 + SettledView.AGE_MS, nodes)).isTrue();
        assertThat(new SettledView(1_000).settled(999 + SettledView.AGE_MS, nodes)).isFalse();
    }
}
