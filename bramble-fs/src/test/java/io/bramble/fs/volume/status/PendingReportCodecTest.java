package io.bramble.fs.volume.status;

import static org.assertj.core.api.Assertions.assertThat;

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
    void whatEncodeNeverWritesIsRefused() {
        assertThat(PendingReportCodec.decode(BRICK, "")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "two\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "-1\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "1\n/a\\q\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "1\n/a\\\n")).isEmpty();
        assertThat(PendingReportCodec.decode(BRICK, "1\n/a")).isEmpty();
    }
}
