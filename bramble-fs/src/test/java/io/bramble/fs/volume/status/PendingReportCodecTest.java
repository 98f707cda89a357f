package io.bramble.fs.volume.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.heal.HealRun;
import io.bramble.fs.volume.Brick;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingReportCodecTest {
    private static final Brick BRICK = new Brick("gluster1", "/data/brick1/gv0", new UUID(1,
            2));

    @Test
    void pathsWithBackslashesAndLineBreaksComeBackAsTheyWere() {
        List<String> paths = List.of("/test1", "/a\\b", "/odd\nname", "/\\n");
        PendingReport report = PendingReportCodec.decode(BRICK, PendingReportCodec.encode(4,
                paths)).orElseThrow();
        assertThat(report.shown()).isEqualTo(paths);
        assertThat(report.count()).isEqualTo(4);
        assertThat(report.reachable()).isTrue();
    }

    @Test
    void aLongIndexShowsItsFirstEntriesAndCountsThemAll() {
        List<String> many = Collections.nCopies(5_000, "/" + "x".repeat(200));
        String text = PendingReportCodec.encode(5_000, many);
        assertThat(text.length()).isLessThanOrEqualTo(PendingReportCodec.TEXT_CHARS_MAX);
        PendingReport report = PendingReportCodec.decode(BRICK, text).orElseThrow();
        assertThat(report.count()).isEqualTo(5_000);
        assertThat(report.shown()).hasSizeLessThanOrEqualTo(PendingReportCodec.SHOWN_MAX)
                .isNotEmpty();
    }

    @Test
    void aHealRunningFromTheBrickComesWithItsCounts() {
        HealRun run = new HealRun(501, 120, 268_435_456 + 500 * 4096, 100_663_296, 2_400);
        String text = PendingReportCodec.withHealing(PendingReportCodec.encode(501, List.of(
                "/big", "/healing started")), run);
        PendingReport report = PendingReportCodec.decode(BRICK, text).orElseThrow();
        assertThat(report.healing()).contains(run);
        assertThat(report.shown()).containsExactly("/big", "/healing started");
        assertThat(PendingReportCodec.decode(BRICK, PendingReportCodec.encode(1, List.of("/a")))
                .orElseThrow().healing()).isEmpty();
    }

    @Test
    void aFullReportLeavesRoomForItsHealingLine() {
        List<String> many = Collections.nCopies(5_000, "/" + "x".repeat(200));
        String text = PendingReportCodec.withHealing(PendingReportCodec.encode(5_000, many),
                new HealRun(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                        Long.MAX_VALUE));
        assertThat(text.length()).isLessThanOrEqualTo(PendingReportCodec.TEXT_CHARS_MAX);
        assertThat(PendingReportCodec.decode(BRICK, text).orElseThrow().healing()).isPresent();
    }

    @Test
    void whatEncodeNeverWritesIsRefused() {
        assertThat(PendingReportCodec.decode(BRICK, "1\nhealing 1 2 3\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "1\nhealing 1 2 3 4 -5\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "2\nnot a path\n/a\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "two\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "-1\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "1\n/a\\q\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "1\n/a\\\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "1\n/a")).isEmpty();
    }
}
