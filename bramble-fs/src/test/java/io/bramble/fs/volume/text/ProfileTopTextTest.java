package io.bramble.fs.volume.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.brick.profile.Fop;
import io.bramble.fs.brick.profile.FopLatency;
import io.bramble.fs.brick.profile.OpenFiles;
import io.bramble.fs.brick.profile.ProfileStats;
import io.bramble.fs.brick.profile.TopEntry;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.status.ProfileReport;
import io.bramble.fs.volume.status.TopReport;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code volume profile NAME info} and {@code volume top} in Gluster's layouts, to the space. */
class ProfileTopTextTest {
    private static final Brick ONE = new Brick("h1", "/b", new java.util.UUID(0, 1));
    private static final Brick TWO = new Brick("h2", "/b", new java.util.UUID(0, 2));

    static List<Long> blocks(int... indexCount) {
        List<Long> counts = new ArrayList<>(Collections.nCopies(ProfileStats.BLOCK_SIZES, 0L));
        for (int i = 0; i < indexCount.length; i += 2) {
            counts.set(indexCount[i], (long) indexCount[i + 1]);
        }
        return counts;
    }

    @Test
    void profileInfoShowsEachWindowOfTheBricksThatAnswered() {
        ProfileStats cumulative = new ProfileStats(ProfileStats.CUMULATIVE, 7, 1, 139264,
                blocks(0, 1), blocks(12, 2, 17, 1), List.of(
                        new FopLatency(Fop.WRITE, 3, 30_000, 5_000, 20_000),
                        new FopLatency(Fop.LOOKUP, 1, 10_000, 10_000, 10_000),
                        new FopLatency(Fop.RELEASE, 1, 0, 0, 0)));
        ProfileStats interval = new ProfileStats(0, 2, 0, 0, blocks(), blocks(), List.of());
        String text = ProfileInfoText.render(List.of(new ProfileReport(ONE, true, List.of(
                cumulative, interval)), ProfileReport.unreachable(TWO)), false);
        assertThat(text).isEqualTo("""
                Brick: h1:/b
                ------------
                Cumulative Stats:
                   Block Size:                  1b+                4096b+              131072b+\s
                 No. of Reads:                    1                     0                     0\s
                No. of Writes:                    0                     2                     1\s
                \s
                 %-latency   Avg-latency   Min-Latency   Max-Latency   No. of calls         Fop
                 ---------   -----------   -----------   -----------   ------------        ----
                      0.00       0.00 us       0.00 us       0.00 us              1     RELEASE
                     25.00      10.00 us      10.00 us      10.00 us              1      LOOKUP
                     75.00      10.00 us       5.00 us      20.00 us              3       WRITE
                \s
                    Duration: 7 seconds
                   Data Read: 1 bytes
                Data Written: 139264 bytes
                \s
                Interval 0 Stats:
                \s
                    Duration: 2 seconds
                   Data Read: 0 bytes
                Data Written: 0 bytes
                \s
                """);
        assertThat(ProfileInfoText.noneAnswered(List.of(ProfileReport.unreachable(TWO))))
                .isTrue();
    }

    @Test
    void profileInfoClearSaysSoPerBrick() {
        assertThat(ProfileInfoText.render(List.of(new ProfileReport(ONE, true, List.of())),
                true)).isEqualTo("Brick: h1:/b\n------------\nCleared stats.\n");
    }

    @Test
    void topListsFilesWithOpenFdsForOpen() {
        TopReport open = new TopReport(ONE, true, Optional.of(new OpenFiles(1, 3,
                1_764_960_000_123L)), List.of(new TopEntry("/a", 5), new TopEntry("/b/c", 2)),
                Optional.empty());
        TopReport none = new TopReport(TWO, true, Optional.of(new OpenFiles(0, 0, 0)), List
                .of(), Optional.empty());
        assertThat(TopText.render(List.of(open, none), ZoneOffset.UTC)).isEqualTo("""
                Brick: h1:/b
                Current open fds: 1, Max open fds: 3, Max openfd time: 2025-12-05 18:40:00.123000
                Count\t\tfilename
                =======================
                5\t\t/a
                2\t\t/b/c
                Brick: h2:/b
                Current open fds: 0, Max open fds: 0, Max openfd time: 1970-01-01 00:00:00.000000
                """);
    }

    @Test
    void topPerfShowsTheThroughputMeasured() {
        TopReport measured = new TopReport(ONE, true, Optional.empty(), List.of(), Optional.of(
                new TopReport.Throughput(1_048_576, 2_500)));
        assertThat(TopText.render(List.of(measured, TopReport.unreachable(TWO)),
                ZoneOffset.UTC)).isEqualTo(
                        "Brick: h1:/b\nThroughput 419.43 MBps time 0.0025 secs\n");
    }
}
