package io.bramble.fs.volume.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.heal.HealRun;
import io.bramble.fs.heal.SplitBrainResolution;
import io.bramble.fs.heal.SplitBrainResolution.Result;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.fs.volume.status.DiskFacts;
import io.bramble.fs.volume.status.PendingReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outputs against Gluster 10's layouts, character for character. */
class VolumeTextsTest {
    private static final UUID ID = UUID.fromString("8bc2d4d6-4a6b-4e8b-9d1c-4c9e1f0e7a52");
    private static final Brick ONE = new Brick("gluster1.local", "/data/brick1/gv0",
            new UUID(0, 1));
    private static final Brick TWO = new Brick("gluster2.local", "/data/brick1/gv0",
            new UUID(0, 2));

    private static VolumeSpec gv0(VolumeStatus status, Map<String, String> options) {
        return new VolumeSpec("gv0", ID, 2, false, "tcp", List.of(ONE, TWO), status, options);
    }

    @Test
    void infoOfAReplicaVolumeAsGlusterPrintsIt() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("nfs.disable", "on");
        options.put("network.ping-timeout", "10");
        assertThat(VolumeInfoText.render(List.of(gv0(VolumeStatus.CREATED, options))))
                .isEqualTo(" \n" + """
                        Volume Name: gv0
                        Type: Replicate
                        Volume ID: 8bc2d4d6-4a6b-4e8b-9d1c-4c9e1f0e7a52
                        Status: Created
                        Snapshot Count: 0
                        Number of Bricks: 1 x 2 = 2
                        Transport-type: tcp
                        Bricks:
                        Brick1: gluster1.local:/data/brick1/gv0
                        Brick2: gluster2.local:/data/brick1/gv0
                        Options Reconfigured:
                        network.ping-timeout: 10
                        nfs.disable: on
                        """);
    }

    @Test
    void numberOfBricksForEachType() {
        Brick a = new Brick("a", "/b", new UUID(0, 1));
        Brick b = new Brick("b", "/b", new UUID(0, 2));
        Brick c = new Brick("c", "/b", new UUID(0, 3));
        Brick d = new Brick("d", "/b", new UUID(0, 4));
        assertThat(VolumeInfoText.brickCount(volume(1, false, a, b))).isEqualTo("2");
        assertThat(VolumeInfoText.brickCount(volume(2, false, a, b, c, d))).isEqualTo(
                "2 x 2 = 4");
        VolumeSpec arbiter = volume(3, true, a, b, c);
        assertThat(VolumeInfoText.brickCount(arbiter)).isEqualTo("1 x (2 + 1) = 3");
        String info = VolumeInfoText.render(List.of(arbiter, volume(1, false, a)));
        assertThat(info).contains("Type: Replicate\n").contains("Brick3: c:/b (arbiter)\n")
                .contains("Type: Distribute\n").doesNotContain("Options Reconfigured");
        assertThat(info.split("\n \n")).hasSize(2);
        assertThat(VolumeInfoText.render(List.of(volume(2, false, a, b, c, d)))).contains(
                "Type: Distributed-Replicate\n");
        Brick e = new Brick("e", "/b", new UUID(0, 5));
        Brick f = new Brick("f", "/b", new UUID(0, 6));
        String twoSets = VolumeInfoText.render(List.of(volume(3, true, a, b, c, d, e, f)));
        assertThat(twoSets).contains("Type: Distributed-Replicate\n")
                .contains("Number of Bricks: 2 x (2 + 1) = 6\n")
                .contains("Brick2: b:/b\n").contains("Brick3: c:/b (arbiter)\n")
                .contains("Brick5: e:/b\n").contains("Brick6: f:/b (arbiter)\n");
    }

    /** Gluster 3's names and counts for stripe volumes: distribute x stripe [x replica]. */
    @Test
    void stripeVolumesShowAsGlusterThreeShowedThem() {
        List<Brick> bricks = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            bricks.add(new Brick("gluster" + i + ".local", "/srv/vol0", new UUID(0, i)));
        }
        VolumeSpec seed = new VolumeSpec("vol0", ID, 2, 2, false, "tcp", bricks.subList(0, 4),
                VolumeStatus.STARTED, Map.of());
        assertThat(VolumeInfoText.render(List.of(seed))).contains(
                "Type: Striped-Replicate\n").contains("Number of Bricks: 1 x 2 x 2 = 4\n");
        VolumeSpec twoStripes = new VolumeSpec("vol0", ID, 2, 2, false, "tcp", bricks,
                VolumeStatus.STARTED, Map.of());
        assertThat(VolumeInfoText.render(List.of(twoStripes))).contains(
                "Type: Distributed-Striped-Replicate\n").contains(
                        "Number of Bricks: 2 x 2 x 2 = 8\n");
        VolumeSpec stripe = new VolumeSpec("vol0", ID, 2, 1, false, "tcp", bricks.subList(0, 2),
                VolumeStatus.STARTED, Map.of());
        assertThat(VolumeInfoText.render(List.of(stripe))).contains("Type: Stripe\n")
                .contains("Number of Bricks: 1 x 2 = 2\n");
        VolumeSpec distributed = new VolumeSpec("vol0", ID, 4, 1, false, "tcp", bricks,
                VolumeStatus.STARTED, Map.of());
        assertThat(VolumeInfoText.render(List.of(distributed))).contains(
                "Type: Distributed-Stripe\n").contains("Number of Bricks: 2 x 4 = 8\n");
    }

    private static VolumeSpec volume(int replica, boolean arbiter, Brick... bricks) {
        return new VolumeSpec("v" + bricks.length, ID, replica, arbiter, "tcp", List.of(
                bricks), VolumeStatus.STARTED, Map.of());
    }

    @Test
    void statusTableAsGlusterPrintsIt() {
        String text = VolumeStatusText.render(gv0(VolumeStatus.STARTED, Map.of()), List.of(
                new BrickReport(ONE, true, 49152, 0, 1234, Optional.empty()),
                BrickReport.unreachable(TWO)));
        String line = "-".repeat(78);
        assertThat(text).isEqualTo("Status of volume: gv0\n"
                + "Gluster process                             TCP Port  RDMA Port  Online  Pid\n"
                + line + "\n"
                + "Brick gluster1.local:/data/brick1/gv0       49152     0          Y       1234 \n"
                + "Brick gluster2.local:/data/brick1/gv0       N/A       N/A        N       N/A  \n"
                + " \n"
                + "Task Status of Volume gv0\n"
                + line + "\n"
                + "There are no active volume tasks\n"
                + " \n");
    }

    @Test
    void aLongBrickNameRunsOnAndAPortlessBrickShowsNA() {
        Brick longer = new Brick("gluster1.m57.local", "/data/glusterfs/volumes/bricks/data1",
                new UUID(0, 1));
        String text = VolumeStatusText.render(gv0(VolumeStatus.STARTED, Map.of()), List.of(
                new BrickReport(longer, true, 0, 0, 77, Optional.empty())));
        assertThat(text).contains("\nBrick gluster1.m57.local:/data/glusterfs/vo\n"
                + "lumes/bricks/data1                          "
                + "N/A       N/A        Y       77   \n");
    }

    @Test
    void statusDetailAsGlusterPrintsIt() {
        DiskFacts disk = new DiskFacts("xfs", "/dev/sdb", "rw,relatime,attr2,inode64",
                "N/A", 10_630_000_000L, 10_724_835_328L, 5_242_368, 5_242_310);
        String text = VolumeStatusDetailText.render(gv0(VolumeStatus.STARTED, Map.of()),
                List.of(new BrickReport(ONE, true, 49152, 0, 1234, Optional.of(disk)),
                        BrickReport.unreachable(TWO)));
        String line = "-".repeat(78);
        assertThat(text).isEqualTo("Status of volume: gv0\n"
                + line + "\n"
                + "Brick                : Brick gluster1.local:/data/brick1/gv0\n"
                + "TCP Port             : 49152               \n"
                + "RDMA Port            : 0                   \n"
                + "Online               : Y                   \n"
                + "Pid                  : 1234                \n"
                + "File System          : xfs                 \n"
                + "Device               : /dev/sdb            \n"
                + "Mount Options        : rw,relatime,attr2,inode64\n"
                + "Inode Size           : N/A                 \n"
                + "Disk Space Free      : 9.9GB               \n"
                + "Total Disk Space     : 10.0GB              \n"
                + "Inode Count          : 5242368             \n"
                + "Free Inodes          : 5242310             \n"
                + line + "\n"
                + "Brick                : Brick gluster2.local:/data/brick1/gv0\n"
                + "TCP Port             : N/A                 \n"
                + "RDMA Port            : N/A                 \n"
                + "Online               : N                   \n"
                + "Pid                  : N/A                 \n");
    }

    @Test
    void sizesAsGlusterWritesThem() {
        assertThat(HumanSize.of(512)).isEqualTo("512Bytes");
        assertThat(HumanSize.of(1536)).isEqualTo("1.5KB");
        assertThat(HumanSize.of(5L * 1024 * 1024 * 1024 * 1024)).isEqualTo("5.0TB");
    }

    @Test
    void optionTableInTwoColumnsOfForty() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("cluster.quorum-type", "fixed");
        String forty = " ".repeat(40);
        assertThat(OptionTableText.render(values)).isEqualTo(
                "Option                                  Value" + forty.substring(5) + "\n"
                        + "------                                  -----" + forty.substring(5)
                        + "\n"
                        + "cluster.quorum-type                     fixed" + forty.substring(5)
                        + "\n");
    }

    @Test
    void listNamesOrSaysThereAreNone() {
        assertThat(VolumeListText.render(List.of())).isEqualTo("No volumes present in cluster\n");
        assertThat(VolumeListText.render(List.of(gv0(VolumeStatus.CREATED, Map.of()))))
                .isEqualTo("gv0\n");
    }
    @Test
    void healInfoShowsHowFarARunningHealGot() {
        List<PendingReport> indexes = List.of(new PendingReport(ONE, true, 3, List.of("/big",
                "/a", "/b"), Optional.of(new HealRun(3, 1, 64L << 20, 16L << 20, 2_000))),
                new PendingReport(TWO, true, 0, List.of()));
        assertThat(HealInfoText.info(indexes)).isEqualTo("""
                Brick gluster1.local:/data/brick1/gv0
                /big
                /a
                /b
                Status: Connected
                Number of entries: 3
                Heal in progress: 1 of 3 files healed, 16 of 64 MiB copied in 2.0 s (8 MiB/s), \
                about 6 s left

                Brick gluster2.local:/data/brick1/gv0
                Status: Connected
                Number of entries: 0

                """);
        assertThat(HealInfoText.summary(indexes, List.of(new PendingReport(ONE, true, 0, List
                .of()), new PendingReport(TWO, true, 0, List.of())))).startsWith("""
                        Brick gluster1.local:/data/brick1/gv0
                        Status: Connected
                        Total Number of entries: 3
                        Number of entries in heal pending: 1
                        Number of entries in split-brain: 0
                        Number of entries possibly healing: 2
                        Heal in progress: 1 of 3 files healed""");
    }

    @Test
    void healInfoOfSplitBrainAndTheSummaryAsGlusterPrintsThem() {
        List<PendingReport> indexes = List.of(new PendingReport(ONE, true, 1_500, List.of(
                "/dir/file1", "/file4", "/pending")), PendingReport.unreachable(TWO));
        List<PendingReport> split = List.of(new PendingReport(ONE, true, 2, List.of(
                "/dir/file1", "/file4")), PendingReport.unreachable(TWO));

        assertThat(HealInfoText.splitBrain(split, indexes)).isEqualTo("""
                Brick gluster1.local:/data/brick1/gv0
                /dir/file1
                /file4
                (the first 3 of the 1500 files the index lists were examined)
                Status: Connected
                Number of entries in split-brain: 2

                Brick gluster2.local:/data/brick1/gv0
                Status: Transport endpoint is not connected
                Number of entries in split-brain: -

                """);
        assertThat(HealInfoText.summary(indexes, split)).isEqualTo("""
                Brick gluster1.local:/data/brick1/gv0
                Status: Connected
                Total Number of entries: 1500
                Number of entries in heal pending: 1498
                Number of entries in split-brain: 2
                Number of entries possibly healing: 0

                Brick gluster2.local:/data/brick1/gv0
                Status: Transport endpoint is not connected
                Total Number of entries: -

                """);
    }

    @Test
    void splitBrainHealLinesInGlustersWords() {
        assertThat(SplitBrainHealText.line("/f", resolution(Result.HEALED, ""), "bigger-file"))
                .isEqualTo("Healed /f.");
        assertThat(SplitBrainHealText.line("/f", resolution(Result.NOT_IN_SPLIT_BRAIN,
                "File not in split-brain"), "latest-mtime")).isEqualTo(
                        "Healing /f failed: File not in split-brain.");
        assertThat(SplitBrainHealText.line("/f", resolution(Result.REFUSED, "No bigger file"),
                "bigger-file")).isEqualTo("Healing /f failed: No bigger file.");
        assertThat(SplitBrainHealText.line("/gone", resolution(Result.NOT_FOUND, ""),
                "source-brick")).isEqualTo("Lookup failed on /gone:No such file or directory.");
        assertThat(SplitBrainHealText.line("/d", resolution(Result.FOLDER, "why"),
                "bigger-file")).isEqualTo("'bigger-file' not a valid option for directories.");
        assertThat(SplitBrainHealText.line("/d", resolution(Result.FOLDER, "why"),
                "source-brick")).isEqualTo("Healing /d failed: why.");
        assertThat(SplitBrainHealText.fromBrickEnd(3)).isEqualTo(
                "Status: Connected\nNumber of healed entries: 3\n\n");
        assertThat(SplitBrainHealText.noSuchBrick("h:/b")).isEqualTo(
                "\"h:/b\"- No such brick available in the volume.");
    }

    private static SplitBrainResolution resolution(Result result, String why) {
        return new SplitBrainResolution(result, why);
    }

    /** Gluster's names and counts for disperse volumes: sets x (data + redundancy). */
    @Test
    void disperseVolumesShowAsGlusterShowsThem() {
        List<Brick> bricks = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            bricks.add(new Brick("cluster" + i, "/data/glusterfs/volumes/bricks/data1",
                    new UUID(0, i)));
        }
        VolumeSpec one = VolumeSpec.disperse("data1", ID, 3, 1, "tcp", bricks.subList(0, 3),
                VolumeStatus.CREATED, Map.of());
        assertThat(VolumeInfoText.render(List.of(one))).contains("Type: Disperse\n").contains(
                "Number of Bricks: 1 x (2 + 1) = 3\n");
        VolumeSpec two = VolumeSpec.disperse("data1", ID, 3, 1, "tcp", bricks,
                VolumeStatus.CREATED, Map.of());
        assertThat(VolumeInfoText.render(List.of(two))).contains(
                "Type: Distributed-Disperse\n").contains("Number of Bricks: 2 x (2 + 1) = 6\n")
                .contains("Brick6: cluster6:/data/glusterfs/volumes/bricks/data1\n");
        VolumeSpec six = VolumeSpec.disperse("data1", ID, 6, 2, "tcp", bricks,
                VolumeStatus.CREATED, Map.of());
        assertThat(VolumeInfoText.render(List.of(six))).contains("Type: Disperse\n").contains(
                "Number of Bricks: 1 x (4 + 2) = 6\n");
    }
}
