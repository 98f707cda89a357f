package io.bramble.cluster.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoreTest {
    private static final int INF = Score.INFINITY;

    @Test
    void minusInfinityWinsEverySum() {
        assertThat(Score.add(INF, -INF)).isEqualTo(-INF);
        assertThat(Score.add(-INF, INF)).isEqualTo(-INF);
        assertThat(Score.add(-INF, 5)).isEqualTo(-INF);
    }

    @Test
    void infinityAbsorbsFiniteScoresAndSumsSaturate() {
        assertThat(Score.add(INF, -999_999)).isEqualTo(INF);
        assertThat(Score.add(600_000, 600_000)).isEqualTo(INF);
        assertThat(Score.add(-600_000, -600_000)).isEqualTo(-INF);
        assertThat(Score.add(50, -20)).isEqualTo(30);
    }

    @Test
    void scoresReadAndPrintAsPacemakerWritesThem() {
        assertThat(Score.parse("INFINITY")).contains(INF);
        assertThat(Score.parse("+infinity")).contains(INF);
        assertThat(Score.parse("-INFINITY")).contains(-INF);
        assertThat(Score.parse("5000000")).contains(INF);
        assertThat(Score.parse("-20")).contains(-20);
        assertThat(Score.parse("ten")).isEmpty();
        assertThat(Score.format(INF)).isEqualTo("INFINITY");
        assertThat(Score.format(-INF)).isEqualTo("-INFINITY");
    }

    @Test
    void intervalsReadInPacemakersUnits() {
        assertThat(Interval.parseMs("10s")).hasValue(10_000);
        assertThat(Interval.parseMs("1min")).hasValue(60_000);
        assertThat(Interval.parseMs("30")).hasValue(30_000);
        assertThat(Interval.parseMs("500ms")).hasValue(500);
        assertThat(Interval.parseMs("PT1M30S")).hasValue(90_000);
        assertThat(Interval.parseMs("2h")).hasValue(7_200_000);
        assertThat(Interval.parseMs("soon")).isEmpty();
    }
}
