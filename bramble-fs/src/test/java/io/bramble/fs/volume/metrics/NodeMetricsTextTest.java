package io.bramble.fs.volume.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.brick.profile.BrickTotals;
import io.bramble.fs.brick.profile.Fop;
import io.bramble.fs.brick.wire.ServerCounters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeMetricsTextTest {
    /** A node with a served brick that took writes and a failed lookup, and a brick down. */
    private static NodeSample sample() {
        BrickTotals totals = new BrickTotals();
        totals.called(Fop.CREATE, 400_000, false);
        totals.called(Fop.WRITE, 50_000, false);
        totals.called(Fop.WRITE, 2_000_000, false);
        totals.called(Fop.LOOKUP, 20_000, true);
        totals.written(131_072);
        totals.written(4_096);
        totals.read(10);
        return new NodeSample(List.of(
                new BrickSample("gv0", "gluster1:/data/b1", true, 2, 3, totals.bytesRead(),
                        totals.bytesWritten(), totals.fops()),
                BrickSample.down("gv1", "gluster1:/data/\"odd\"")),
                List.of(new VolumeHealSample("gv0", 5, 65_536), new VolumeHealSample("gv1", 0,
                        0)),
                42, Optional.of(new ServerCounters(120, 1, 3, 0, 2)), List.of(new MemberSample(
                        "gluster1", true), new MemberSample("gluster2", false)));
    }

    @Test
    void rendersTheGoldenText() throws IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/node-metrics.txt"),
                NodeMetricsText.render(sample()));
        assertThat(NodeMetricsText.render(sample())).isEqualTo(golden("node-metrics.txt"));
    }

    @Test
    void aNodeServingNoBrickShowsItsPoolAndHeal() {
        String text = NodeMetricsText.render(new NodeSample(List.of(), List.of(), 0, Optional
                .empty(), List.of(new MemberSample("solo", true))));
        assertThat(text).contains("bramble_pool_members 1\n",
                "bramble_pool_member_up{member=\"solo\"} 1\n", "bramble_heal_passes_total 0\n")
                .doesNotContain("bramble_brick_server_requests_total");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = NodeMetricsTextTest.class.getResourceAsStream("/metrics/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
