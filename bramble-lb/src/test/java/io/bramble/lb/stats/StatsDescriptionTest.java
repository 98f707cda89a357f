package io.bramble.lb.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsDescriptionTest {
    private static StatsReport report(Optional<String> description) {
        return new StatsReport(List.of(), "lb1", "", 42, 61, 0, false, false, description);
    }

    @Test
    void theDescriptionIsShownEscapedUnderTheTitleOnlyWhenThereIsOne() {
        assertThat(StatsHtml.render(report(Optional.of("edge <site 2>")), "/stats", ""))
                .contains("description = <b>edge &lt;site 2&gt;</b>");
        assertThat(StatsHtml.render(report(Optional.empty()), "/stats", ""))
                .doesNotContain("description =");
    }
}
