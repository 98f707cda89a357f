package io.bramble.fs.brick.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.BrickSettings;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfiledBrickTest {
    private static final Caller USER = new Caller(1000, 1000, new int[]{1000}, 1);

    @TempDir
    Path dir;
    private LocalBrick local;
    private final BrickProfile profile = new BrickProfile();
    private final BrickTop top = new BrickTop();
    private final BrickTotals totals = new BrickTotals();
    /** Each reading is a microsecond after the one before. */
    private final Clock clock = new Clock() {
        private long nowNs;

        @Override
        public synchronized long nanoTime() {
            nowNs += 1_000;
            return nowNs;
        }

        @Override
        public long epochMillis() {
            return 0;
        }
    };
    private ProfiledBrick brick;

    @BeforeEach
    void open() throws Exception {
        local = LocalBrick.open(dir, BrickSettings.defaults().withAsRoot(false));
        brick = new ProfiledBrick(local, new BrickCounters(profile, top, totals, clock));
    }

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void countsWritesAndReadsByFileAndProfilesThemOnceStarted() throws Exception {
        profile.start(clock.nanoTime());
        Opened file = brick.create(USER, FsPath.parse("/f"), new FileId(1, 2), FileType.REGULAR
                .modeBits() | 0644, OpenFlags.RDWR | OpenFlags.CREAT);
        brick.write(file.handle(), 0, new byte[4096]);
        brick.write(file.handle(), 4096, new byte[100]);
        assertThat(brick.read(file.handle(), 0, 8192)).hasSize(4196);
        brick.release(file.handle());
        brick.readdir(USER, FsPath.ROOT, null, 10);

        ProfileStats stats = profile.info(ProfileView.CUMULATIVE, clock.nanoTime()).getFirst();
        assertThat(stats.fops()).extracting(FopLatency::fop).containsExactly(Fop.READ,
                Fop.WRITE, Fop.CREATE, Fop.READDIRP, Fop.RELEASE);
        assertThat(stats.fops().get(1).calls()).isEqualTo(2);
        assertThat(stats.fops().get(1)).isEqualTo(new FopLatency(Fop.WRITE, 2, 2_000, 1_000,
                1_000));
        assertThat(stats.fops().getLast()).isEqualTo(new FopLatency(Fop.RELEASE, 1, 0, 0, 0));
        assertThat(stats.bytesWritten()).isEqualTo(4196);
        assertThat(stats.bytesRead()).isEqualTo(4196);
        assertThat(top.top(TopKind.WRITE, 10)).containsExactly(new TopEntry("/f", 2));
        assertThat(top.top(TopKind.READ, 10)).containsExactly(new TopEntry("/f", 1));
        assertThat(top.top(TopKind.OPEN, 10)).containsExactly(new TopEntry("/f", 1));
        assertThat(top.top(TopKind.OPENDIR, 10)).containsExactly(new TopEntry("/", 1));
        assertThat(top.openFiles().current()).isZero();
        assertThat(top.openFiles().max()).isEqualTo(1);
    }

    @Test
    void ranksFilesEvenWhenNotProfiled() throws Exception {
        Opened file = brick.create(USER, FsPath.parse("/g"), new FileId(1, 3), FileType.REGULAR
                .modeBits() | 0644, OpenFlags.RDWR | OpenFlags.CREAT);
        brick.write(file.handle(), 0, new byte[10]);
        assertThat(top.top(TopKind.WRITE, 10)).containsExactly(new TopEntry("/g", 1));
        assertThat(profile.info(ProfileView.BOTH, 0)).isEmpty();
    }

    @Test
    void totalsCountCallsFailuresAndBytesWhetherProfiledOrNot() throws Exception {
        Opened file = brick.create(USER, FsPath.parse("/h"), new FileId(1, 4), FileType.REGULAR
                .modeBits() | 0644, OpenFlags.RDWR | OpenFlags.CREAT);
        brick.write(file.handle(), 0, new byte[300]);
        brick.write(file.handle(), 300, new byte[200]);
        brick.read(file.handle(), 0, 100);
        assertThatThrownBy(() -> brick.getattr(USER, FsPath.parse("/missing")))
                .isInstanceOf(FsException.class);
        brick.release(file.handle());

        Map<Fop, FopTotals> byFop = totals.fops().stream().collect(Collectors.toMap(
                FopTotals::fop, t -> t));
        assertThat(totals.fops()).hasSize(Fop.values().length);
        // each call takes one tick of the clock: a microsecond, in the first bucket
        assertThat(byFop.get(Fop.WRITE)).isEqualTo(new FopTotals(Fop.WRITE, 2, 0, List.of(2L,
                2L, 2L, 2L, 2L, 2L), 2_000));
        assertThat(byFop.get(Fop.STAT).calls()).isEqualTo(1);
        assertThat(byFop.get(Fop.STAT).errors()).isEqualTo(1);
        assertThat(byFop.get(Fop.RELEASE)).isEqualTo(new FopTotals(Fop.RELEASE, 1, 0, List.of(
                1L, 1L, 1L, 1L, 1L, 1L), 0));
        assertThat(byFop.get(Fop.MKDIR).calls()).isZero();
        assertThat(totals.bytesWritten()).isEqualTo(500);
        assertThat(totals.bytesRead()).isEqualTo(100);
    }
}
