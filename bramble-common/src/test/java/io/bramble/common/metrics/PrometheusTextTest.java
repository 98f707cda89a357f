package io.bramble.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.metrics.PrometheusText.Type;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void writesFamiliesWithTheirSamplesInOrder() {
        String text = new PrometheusText()
                .family("bramble_things_total", Type.COUNTER, "Things done.")
                .sample("bramble_things_total", 3, "volume", "v1", "brick", "n1:/b")
                .sample("bramble_things_total", 0, "volume", "v2", "brick", "n1:/c")
                .family("bramble_members", Type.GAUGE, "Members.")
                .sample("bramble_members", 2)
                .family("bramble_wait_seconds", Type.HISTOGRAM, "Waits.")
                .sample("bramble_wait_seconds_bucket", 1, "le", PrometheusText.number(0.001))
                .sample("bramble_wait_seconds_bucket", 2, "le", PrometheusText.number(
                        Double.POSITIVE_INFINITY))
                .sample("bramble_wait_seconds_sum", 0.25)
                .sample("bramble_wait_seconds_count", 2)
                .text();
        assertThat(text).isEqualTo("""
                # HELP bramble_things_total Things done.
                # TYPE bramble_things_total counter
                bramble_things_total{volume="v1",brick="n1:/b"} 3
                bramble_things_total{volume="v2",brick="n1:/c"} 0
                # HELP bramble_members Members.
                # TYPE bramble_members gauge
                bramble_members 2
                # HELP bramble_wait_seconds Waits.
                # TYPE bramble_wait_seconds histogram
                bramble_wait_seconds_bucket{le="0.001"} 1
                bramble_wait_seconds_bucket{le="+Inf"} 2
                bramble_wait_seconds_sum 0.25
                bramble_wait_seconds_count 2
                """);
    }

    @Test
    void escapesLabelValuesAndHelp() {
        String text = new PrometheusText()
                .family("x", Type.GAUGE, "a \\ and\na line")
                .sample("x", 1, "brick", "h:/a\"b\\c\nd")
                .text();
        assertThat(text).isEqualTo("""
                # HELP x a \\\\ and\\na line
                # TYPE x gauge
                x{brick="h:/a\\"b\\\\c\\nd"} 1
                """);
    }

    @Test
    void numbersAsTheFormatWritesThem() {
        assertThat(PrometheusText.number(1.0)).isEqualTo("1");
        assertThat(PrometheusText.number(0.0005)).isEqualTo("0.0005");
        assertThat(PrometheusText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void refusesBadNamesAndOddLabels() {
        assertThatThrownBy(() -> new PrometheusText().family("1x", Type.GAUGE, "h"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrometheusText().sample("x", 1, "volume"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
