package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code volume profile} and {@code volume top} on a replica 2 volume of two nodes: once the
 * profile is started, a file written and read back through the mount shows on each brick as
 * WRITE calls and at least its bytes written, and as the file most written; once stopped,
 * info says the profile is not started, as Gluster does.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FsProfileTopTest {
    private static final int FILE_BYTES = 1 << 20;
    private static final Pattern WRITTEN = Pattern.compile("Data Written: (\\d+) bytes");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void eachBrickCountsTheWritesItTookAndNamesTheFileWritten(@TempDir Path dir)
            throws Exception {
        ReplicaPair volume = ReplicaPair.start(cluster, mounts, dir);
        PoolNodes pool = volume.pool();
        assertThat(pool.ok("gluster1", "volume", "profile", "gv0", "start")).isEqualTo(
                "Starting volume profile on gv0 has been successful \n");
        assertThat(pool.ok("gluster2", "volume", "info", "gv0")).contains(
                "diagnostics.count-fop-hits: on\ndiagnostics.latency-measurement: on\n");

        byte[] data = new byte[FILE_BYTES];
        new SplittableRandom(20261205).nextBytes(data);
        Files.write(volume.mnt().resolve("profiled"), data);
        assertThat(Files.readAllBytes(volume.mnt().resolve("profiled"))).isEqualTo(data);

        String info = pool.ok("gluster2", "volume", "profile", "gv0", "info");
        String brick1 = "Brick: " + pool.address("gluster1") + ":" + volume.brick1();
        String brick2 = "Brick: " + pool.address("gluster2") + ":" + volume.brick2();
        assertThat(info).startsWith(brick1 + "\n" + "-".repeat(brick1.length())
                + "\nCumulative Stats:\n").contains(brick2);
        for (String section : new String[]{between(info, brick1, brick2), info.substring(info
                .indexOf(brick2))}) {
            assertThat(section).contains("No. of Writes:", "No. of calls         Fop\n",
                    "       WRITE\n", "Interval 0 Stats:\n");
            Matcher cumulative = WRITTEN.matcher(section);
            assertThat(cumulative.find()).as(section).isTrue();
            assertThat(Long.parseLong(cumulative.group(1))).as(section).isGreaterThanOrEqualTo(
                    FILE_BYTES);
        }

        String top = pool.ok("gluster1", "volume", "top", "gv0", "write", "list-cnt", "10");
        assertThat(top).startsWith(brick1 + "\nCount\t\tfilename\n=======================\n")
                .contains(brick2 + "\nCount\t\tfilename\n=======================\n");
        assertThat(between(top, brick1, brick2)).containsPattern("\n\\d+\t\t/profiled\n");
        assertThat(top.substring(top.indexOf(brick2))).containsPattern("\n\\d+\t\t/profiled\n");
        assertThat(pool.ok("gluster2", "volume", "top", "gv0", "open", "brick", brick2
                .substring("Brick: ".length()))).containsPattern("^" + Pattern.quote(brick2)
                        + "\nCurrent open fds: \\d+, Max open fds: [1-9]\\d*, Max openfd time:"
                        + " \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\n"
                        + "Count\t\tfilename\n=======================\n\\d+\t\t/profiled\n$");
        assertThat(pool.ok("gluster1", "volume", "top", "gv0", "write-perf", "bs", "1024",
                "count", "1024")).containsPattern("^" + Pattern.quote(brick1)
                        + "\nThroughput \\d+\\.\\d\\d MBps time \\d+\\.\\d{4} secs\n");
        assertThat(pool.ok("gluster2", "volume", "top", "gv0", "read-perf", "bs", "4096",
                "count", "256")).containsPattern("\n" + Pattern.quote(brick2)
                        + "\nThroughput \\d+\\.\\d\\d MBps time \\d+\\.\\d{4} secs\n$");

        assertThat(pool.ok("gluster1", "volume", "profile", "gv0", "stop")).isEqualTo(
                "Stopping volume profile on gv0 has been successful \n");
        PoolNodes.Result after = pool.run("gluster2", "volume", "profile", "gv0", "info");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.err()).isEqualTo("Profile on Volume gv0 is not started\n");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        return text.substring(start, text.indexOf(to, start));
    }
}
