package io.bramble.fs.volume.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.brick.profile.Fop;
import io.bramble.fs.brick.profile.FopLatency;
import io.bramble.fs.brick.profile.OpenFiles;
import io.bramble.fs.brick.profile.ProfileStats;
import io.bramble.fs.brick.profile.TopEntry;
import io.bramble.fs.volume.Brick;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileTopCodecTest {
    private static final Brick BRICK = new Brick("h1", "/b", new java.util.UUID(0, 1));
    private static final List<Long> NONE = Collections.nCopies(ProfileStats.BLOCK_SIZES, 0L);

    @Test
    void profileWindowsGoThereAndBack() {
        List<ProfileStats> windows = List.of(new ProfileStats(-1, 9, 10, 20, NONE, NONE, List
                .of(new FopLatency(Fop.WRITE, 2, 30, 10, 20))), new ProfileStats(3, 1, 0, 0,
                        NONE, NONE, List.of()));
        assertThat(ProfileReportCodec.decode(BRICK, ProfileReportCodec.encode(windows)))
                .contains(new ProfileReport(BRICK, true, windows));
        assertThat(ProfileReportCodec.decode(BRICK, "")).contains(new ProfileReport(BRICK,
                true, List.of()));
        assertThat(ProfileReportCodec.decode(BRICK, "window 1 2\n")).isEmpty();
        assertThat(ProfileReportCodec.decode(BRICK, ProfileReportCodec.encode(windows)
                .replace("WRITE", "SPLICE"))).isEmpty();
    }

    @Test
    void topFilesGoThereAndBackWhateverTheirNames() {
        List<TopEntry> files = List.of(new TopEntry("/a b", 3), new TopEntry("/odd\nname\\", 1));
        Optional<OpenFiles> open = Optional.of(new OpenFiles(1, 2, 3));
        assertThat(TopReportCodec.decode(BRICK, TopReportCodec.encode(open, files, Optional
                .empty()))).contains(new TopReport(BRICK, true, open, files, Optional.empty()));
        Optional<TopReport.Throughput> perf = Optional.of(new TopReport.Throughput(5, 6));
        assertThat(TopReportCodec.decode(BRICK, TopReportCodec.encode(Optional.empty(), List
                .of(), perf))).contains(new TopReport(BRICK, true, Optional.empty(), List.of(),
                        perf));
        assertThat(TopReportCodec.decode(BRICK, "3 relative\n")).isEmpty();
    }
}
