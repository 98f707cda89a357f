package io.bramble.fs.volume.heal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HealTotalsTest {
    @Test
    void countsPassesAndWhatEachVolumeHealed() {
        HealTotals totals = new HealTotals();
        totals.passed();
        totals.passed();
        totals.healed("gv0", 2, 4096);
        totals.healed("gv0", 1, 10);
        totals.healed("gv1", 0, 0);

        assertThat(totals.passes()).isEqualTo(2);
        assertThat(totals.of("gv0")).isEqualTo(new HealTotals.Healed(3, 4106));
        assertThat(totals.of("gv1")).isEqualTo(new HealTotals.Healed(0, 0));
        assertThat(totals.of("never")).isEqualTo(new HealTotals.Healed(0, 0));
    }
}
