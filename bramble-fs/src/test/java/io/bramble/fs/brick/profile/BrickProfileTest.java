package io.bramble.fs.brick.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrickProfileTest {
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    void countsNothingUntilStarted() {
        BrickProfile profile = new BrickProfile();
        profile.called(Fop.WRITE, 5_000);
        profile.written(4096);
        assertThat(profile.info(ProfileView.BOTH, 0)).isEmpty();
        profile.start(0);
        assertThat(profile.info(ProfileView.CUMULATIVE, 0).getFirst().fops()).isEmpty();
    }

    @Test
    void keepsCallsLatenciesAndBlockSizesPerOperation() {
        BrickProfile profile = new BrickProfile();
        profile.start(0);
        profile.called(Fop.WRITE, 3_000);
        profile.called(Fop.WRITE, 9_000);
        profile.called(Fop.LOOKUP, 1_000);
        profile.written(4096);
        profile.written(5000);
        profile.read(1);
        ProfileStats stats = profile.info(ProfileView.CUMULATIVE, 7 * SECOND_NS).getFirst();
        assertThat(stats.cumulative()).isTrue();
        assertThat(stats.durationSec()).isEqualTo(7);
        assertThat(stats.fops()).containsExactly(
                new FopLatency(Fop.WRITE, 2, 12_000, 3_000, 9_000),
                new FopLatency(Fop.LOOKUP, 1, 1_000, 1_000, 1_000));
        assertThat(stats.fops().getFirst().avgUs()).isEqualTo(6.0);
        assertThat(stats.bytesWritten()).isEqualTo(9096);
        assertThat(stats.bytesRead()).isEqualTo(1);
        assertThat(stats.writeBlocks().get(12)).isEqualTo(2);
        assertThat(stats.readBlocks().get(0)).isEqualTo(1);
    }

    @Test
    void blockSizesArePowersOfTwoAtOrBelow() {
        assertThat(ProfileWindow.block(0)).isZero();
        assertThat(ProfileWindow.block(1)).isZero();
        assertThat(ProfileWindow.block(3)).isEqualTo(1);
        assertThat(ProfileWindow.block(131072)).isEqualTo(17);
        assertThat(ProfileWindow.block(Integer.MAX_VALUE)).isEqualTo(30);
    }

    @Test
    void eachInfoClosesAnIntervalUnlessItPeeks() {
        BrickProfile profile = new BrickProfile();
        profile.start(0);
        profile.called(Fop.READ, 10);
        List<ProfileStats> first = profile.info(ProfileView.BOTH, SECOND_NS);
        assertThat(first).extracting(ProfileStats::interval).containsExactly(-1, 0);
        assertThat(first.get(1).fops()).hasSize(1);
        profile.called(Fop.STAT, 10);
        List<ProfileStats> peeked = profile.info(ProfileView.PEEK, 3 * SECOND_NS);
        assertThat(peeked).extracting(ProfileStats::interval).containsExactly(-1, 1);
        assertThat(peeked.get(1).fops()).extracting(FopLatency::fop).containsExactly(Fop.STAT);
        assertThat(peeked.get(1).durationSec()).isEqualTo(2);
        assertThat(peeked.get(0).fops()).hasSize(2);
        assertThat(profile.info(ProfileView.INCREMENTAL, 3 * SECOND_NS)).extracting(
                ProfileStats::interval).containsExactly(1);
        assertThat(profile.info(ProfileView.INCREMENTAL_PEEK, 3 * SECOND_NS).getFirst()
                .fops()).isEmpty();
    }

    @Test
    void clearAndRestartBeginFromZero() {
        BrickProfile profile = new BrickProfile();
        profile.start(0);
        profile.called(Fop.READ, 10);
        assertThat(profile.info(ProfileView.CLEAR, 0)).isEmpty();
        assertThat(profile.info(ProfileView.CUMULATIVE, 0).getFirst().fops()).isEmpty();
        profile.called(Fop.READ, 10);
        profile.stop();
        assertThat(profile.on()).isFalse();
        profile.start(0);
        assertThat(profile.info(ProfileView.CUMULATIVE, 0).getFirst().fops()).isEmpty();
    }
}
