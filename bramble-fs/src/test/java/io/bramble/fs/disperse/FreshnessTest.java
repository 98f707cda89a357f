package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.replicate.ChildSet;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    static final FragmentState OLD = new FragmentState(3, 100);
    static final FragmentState NEW = new FragmentState(4, 200);

    @Test
    void theStateOfAtLeastDataCountChildrenIsTheFreshOne() {
        Freshness fresh = Freshness.of(new FragmentState[]{NEW, OLD, NEW, null, NEW, OLD}, 3);
        assertThat(fresh).isEqualTo(new Freshness(NEW, ChildSet.of(0, 2, 4)));
    }

    @Test
    void withFewerThanDataCountAtAnyStateNothingIsFresh() {
        assertThat(Freshness.of(new FragmentState[]{NEW, OLD, null}, 2)).isNull();
        assertThat(Freshness.of(new FragmentState[]{null, null, null}, 2)).isNull();
    }

    @Test
    void aSizeThatDiffersAtOneVersionIsAnotherState() {
        FragmentState odd = new FragmentState(4, 201);
        assertThat(Freshness.of(new FragmentState[]{NEW, odd, NEW}, 2).children())
                .isEqualTo(ChildSet.of(0, 2));
    }

    @Test
    void statesRoundTripThroughTheirXattrAndBadValuesAreNone() {
        assertThat(FragmentState.parse(NEW.bytes())).isEqualTo(NEW);
        assertThat(NEW.bytes()).hasSize(FragmentState.BYTES);
        assertThat(FragmentState.parse(null)).isEqualTo(FragmentState.EMPTY);
        assertThat(FragmentState.parse(new byte[5])).isNull();
        assertThat(OLD.next(7)).isEqualTo(new FragmentState(4, 7));
    }
}
