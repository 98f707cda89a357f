package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's volume as typed there ({@code volume create gv0 replica 2 transport tcp
 * HOST1:/data/brick1/gv0 HOST2:/data/brick1/gv0 force}), mounted once for the tests in
 * order: a file of 5 MiB comes back byte for byte; POSIX basics as a second user, and more
 * of POSIX, behave as in a local folder; stress-ng's file-system stressors and fio's verifying
 * jobs pass as they do in a local folder; {@code umount} ends the client. One pool and one
 * mount serve them all: starting nodes is the slow part.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FsSeed004MountTest {
    private static final int FILE_BYTES = 5 * 1024 * 1024;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static LocalCluster cluster;
    private static VolumeMounts mounts;
    private static VolumeMounts.Mounted mounted;
    private static Path brick1;
    private static Path brick2;
    private static PoolNodes pool;

    /** A failed test prints the nodes' logs, as a per-test cluster does. */
    @RegisterExtension
    static final TestWatcher REPORT = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                System.out.println(cluster.report());
            }
        }
    };

    @BeforeAll
    static void seed004sVolumeMounted() throws Exception {
        FuseRequirements.assumeMountable();
        // The second user must reach the mount point and the local folder.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        cluster = LocalCluster.open(LocalCluster.LOG_ROOT.resolve("FsSeed004MountTest"));
        mounts = new VolumeMounts(cluster);
        pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2");
        pool.probeAll("gluster1", "gluster2");
        brick1 = dir.resolve("gluster1/data/brick1/gv0");
        brick2 = dir.resolve("gluster2/data/brick1/gv0");
        GlusterLink gluster = new GlusterLink(Files.createDirectories(dir.resolve("bin")),
                pool);
        assertThat(gluster.run("gluster1", "", "volume", "create", "gv0", "replica", "2",
                "transport", "tcp", "gluster1.local:" + brick1, "gluster2.local:" + brick2,
                "force").out()).isEqualTo("volume create: gv0: success: please start the"
                        + " volume to access data\n");
        assertThat(pool.ok("gluster2", "volume", "start", "gv0")).isEqualTo(
                "volume start: gv0: success\n");
        mounted = mounts.mount(pool, "gluster1", "gluster1.local:/gv0", Files
                .createDirectories(dir.resolve("mnt")));
    }

    @AfterAll
    static void cleanUp() {
        try {
            if (mounts != null) {
                mounts.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void aFileOf5MiBComesBackByteForByte() throws Exception {
        byte[] data = new byte[FILE_BYTES];
        new SplittableRandom(4).nextBytes(data);
        Path source = Files.write(dir.resolve("data.bin"), data);
        Path copy = mounted.dir().resolve("data.bin");
        Exec.check(COMMAND_TIMEOUT, "cp", source.toString(), copy.toString());

        Exec.check(COMMAND_TIMEOUT, "cmp", source.toString(), copy.toString());
        assertThat(Arrays.mismatch(Files.readAllBytes(copy), data)).as("first byte that"
                + " differs, read through the mount").isEqualTo(-1);
        for (Path brick : List.of(brick1, brick2)) {
            assertThat(Arrays.mismatch(Files.readAllBytes(brick.resolve("data.bin")), data))
                    .as("first byte that differs in %s", brick).isEqualTo(-1);
        }
    }

    /**
     * Runs the script {@code /fs/NAME} in a local folder and in the mount, each in a new
     * folder {@code folder}; the two transcripts must be equal.
     */
    private static void runsAsInALocalFolder(String name, String folder) throws Exception {
        PosixScript script = PosixScript.load("/fs/" + name);
        String local = script.runIn(Files.createDirectories(dir.resolve("local/" + folder)));
        String mount = script.runIn(Files.createDirectories(mounted.dir().resolve(folder)));
        System.out.println(name + " in the mount:\n" + mount);
        assertThat(mount).isEqualTo(local);
    }

    @Test
    @Order(2)
    void posixBasicsAsASecondUserBehaveAsInALocalFolder() throws Exception {
        FuseRequirements.assumeProgram("setpriv", "util-linux");
        FuseRequirements.assumeProgram("setfattr", "attr");
        runsAsInALocalFolder("posix-basics.txt", "posix");

        // What the user made is the user's on both copies.
        for (Path brick : List.of(brick1, brick2)) {
            BrickListing home = BrickListing.of(brick.resolve("posix/home"));
            assertThat(home.entries()).as(home.text()).containsOnlyKeys("mine", "link",
                    "dangling", "moved");
            assertThat(home.entries().values()).as(home.text()).allMatch(e -> e
                    .uid() == PosixScript.USER_ID && e.gid() == PosixScript.GROUP_ID);
            BrickListing moved = BrickListing.of(brick.resolve("posix/home/moved"));
            assertThat(moved.entry("b").uid()).as(moved.text()).isEqualTo(PosixScript.USER_ID);
            BrickListing top = BrickListing.of(brick.resolve("posix"));
            assertThat(top.entry("rootfile").uid()).as(top.text()).isEqualTo(PosixScript.USER_ID);
            assertThat(top.entry("rootdir").uid()).as(top.text()).isZero();
        }
    }

    @Test
    @Order(3)
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // 113 s seen at a load of 11
    void morePosixBehavesAsInALocalFolder() throws Exception {
        FuseRequirements.assumeProgram("setpriv", "util-linux");
        FuseRequirements.assumeProgram("setfattr", "attr");
        FuseRequirements.assumeProgram("perl", "perl-base");
        runsAsInALocalFolder("posix-more.txt", "more");
    }

    @Test
    @Order(4)
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // a local run, then StressNg.RUN_TIMEOUT
    void stressNgFileSystemStressorsPassAsInALocalFolder() throws Exception {
        FuseRequirements.assumeProgram("stress-ng", "stress-ng");
        ExecResult local = StressNg.run(Files.createDirectories(dir.resolve("local/stress-ng")));
        System.out.println("stress-ng in a local folder:\n" + local.output());
        assumeTrue(StressNg.passed(local), "skipped: stress-ng's stressors fail in a local"
                + " folder too, so the mount cannot be judged by them: " + local.describe());
        ExecResult mount = StressNg.run(Files.createDirectories(mounted.dir().resolve(
                "stress-ng")));
        System.out.println("stress-ng in the mount:\n" + mount.output());
        assertThat(StressNg.passed(mount)).as(mount.describe()).isTrue();
    }

    @Test
    @Order(5)
    void fioVerifiesWhatItWroteAsInALocalFolder() throws Exception {
        FuseRequirements.assumeProgram("fio", "fio");
        for (FioRuns.Job job : FioRuns.JOBS) {
            ExecResult local = FioRuns.run(job, Files.createDirectories(dir.resolve(
                    "local/fio")));
            System.out.println("fio " + job.name() + " in a local folder:\n" + local.output());
            assumeTrue(FioRuns.passed(local), "skipped: fio " + job.name() + " fails in a"
                    + " local folder too: " + local.describe());
            ExecResult mount = FioRuns.run(job, Files.createDirectories(mounted.dir().resolve(
                    "fio")));
            System.out.println("fio " + job.name() + " in the mount:\n" + mount.output());
            assertThat(FioRuns.passed(mount)).as(mount.describe()).isTrue();
        }
    }

    /**
     * Once {@code bramble install} has put the helper in /sbin, {@code mount -t bramble} (with
     * seed 003's {@code HOST:VOL}) and an fstab line of type bramble mount the volume, and
     * {@code umount} ends their clients.
     */
    @Test
    @Order(6)
    void mountTypeBrambleAndAnFstabLineWorkOnceInstalled() throws Exception {
        try (SystemInstall installed = SystemInstall.run(pool)) {
            Path typed = Files.createDirectories(dir.resolve("mnt-type"));
            Path typedLog = cluster.logDir().toAbsolutePath().resolve("mount-type-client.log");
            PoolNodes.Result mount = PoolShell.run(pool, "gluster2", "", List.of("mount", "-t",
                    "bramble", "-o", "log-file=" + typedLog, "gluster2.local:gv0", typed
                            .toString()));
            assertThat(mount.exit()).as(mount.err()).isZero();
            VolumeMounts.Mounted viaType = mounts.adopt(typed, typedLog);
            Files.writeString(typed.resolve("via-helper.txt"), "written through mount -t\n");
            assertThat(mounted.dir().resolve("via-helper.txt")).hasContent(
                    "written through mount -t");
            mounts.unmount(viaType);
            assertThat(VolumeMounts.awaitClientEnd(viaType, VolumeMounts.CLIENT_END_TIMEOUT))
                    .isTrue();

            Path listed = Files.createDirectories(dir.resolve("mnt-fstab"));
            Path listedLog = cluster.logDir().toAbsolutePath().resolve(
                    "mount-fstab-client.log");
            Path fstab = Files.writeString(dir.resolve("fstab"), "gluster1.local:/gv0 "
                    + listed + " bramble defaults,_netdev,log-file=" + listedLog + " 0 0\n");
            mount = PoolShell.run(pool, "gluster1", "", List.of("mount", "-T", fstab
                    .toString(), listed.toString()));
            assertThat(mount.exit()).as(mount.err()).isZero();
            VolumeMounts.Mounted viaFstab = mounts.adopt(listed, listedLog);
            assertThat(listed.resolve("via-helper.txt")).hasContent("written through mount -t");
            List<String> df = Exec.check(COMMAND_TIMEOUT, "df", listed.toString()).output()
                    .lines().toList();
            assertThat(df.getLast()).startsWith("gluster1.local:/gv0 ");
            mounts.unmount(viaFstab);
            assertThat(VolumeMounts.awaitClientEnd(viaFstab, VolumeMounts.CLIENT_END_TIMEOUT))
                    .isTrue();
        }
    }

    @Test
    @Order(7)
    void umountEndsTheClient() {
        mounts.unmount(mounted);
        assertThat(VolumeMounts.awaitClientEnd(mounted, VolumeMounts.CLIENT_END_TIMEOUT)).as(
                "the client of %s ended after umount", mounted.dir()).isTrue();
        assertThat(VolumeMounts.isMounted(mounted.dir())).isFalse();
        assertThat(mounted.dir()).isEmptyDirectory();
    }
}
