package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.fuse.FuseRequest.Init;
import org.junit.jupiter.api.Test;

class InitNegotiationTest {
    /** What Linux 6.x offers: every capability up to INIT_EXT. */
    private static final int EVERYTHING = 0x7fffffff;

    @Test
    void takesOnlyWhatBothSidesHave() throws Exception {
        Negotiated negotiated = InitNegotiation.answer(new Init(7, 41, 131072, EVERYTHING),
                FuseOptions.defaults());
        assertThat(negotiated.minor()).isEqualTo(31);
        assertThat(negotiated.kernelMinor()).isEqualTo(41);
        assertThat(negotiated.maxWriteBytes()).isEqualTo(1 << 20);
        assertThat(negotiated.reply().maxPages()).isEqualTo(256);
        assertThat(negotiated.reply().maxReadaheadBytes()).isEqualTo(131072);
        assertThat(InitFlags.names(negotiated.flags())).containsExactly("ASYNC_READ",
                "ATOMIC_O_TRUNC", "BIG_WRITES", "AUTO_INVAL_DATA", "DO_READDIRPLUS",
                "WRITEBACK_CACHE", "PARALLEL_DIROPS", "MAX_PAGES", "CACHE_SYMLINKS");
        assertThat(negotiated.has(InitFlags.POSIX_LOCKS)).isFalse();

        Negotiated old = InitNegotiation.answer(new Init(7, 26, 65536,
                InitFlags.ASYNC_READ | InitFlags.POSIX_LOCKS),
                FuseOptions.defaults()
                        .withWritebackCache(false));
        assertThat(old.minor()).isEqualTo(26);
        assertThat(old.flags()).isEqualTo(InitFlags.ASYNC_READ);
    }

    @Test
    void refusesProtocolsItDoesNotSpeak() {
        assertThatThrownBy(() -> InitNegotiation.answer(new Init(8, 0, 0, 0),
                FuseOptions.defaults())).hasMessageContaining("speaks FUSE 8.0");
        assertThatThrownBy(() -> InitNegotiation.answer(new Init(7, 22, 0, 0),
                FuseOptions.defaults())).hasMessageContaining("needs 7.23");
    }
}
