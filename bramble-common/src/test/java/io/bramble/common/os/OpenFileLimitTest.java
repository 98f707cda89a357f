package io.bramble.common.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenFileLimitTest {
    @Test
    void readsTheSoftLimitOfProcLimits() {
        assertThat(OpenFileLimit.soft(List.of(
                "Limit                     Soft Limit           Hard Limit           Units",
                "Max processes             63408                63408                processes",
                "Max open files            1024                 524288               files")))
                .hasValue(1024);
    }

    @Test
    void anUnlimitedOrMissingLimitIsNotACount() {
        assertThat(OpenFileLimit.soft(List.of(
                "Max open files            unlimited            unlimited            files")))
                .isEmpty();
        assertThat(OpenFileLimit.soft(List.of("Max processes  10  10  processes"))).isEmpty();
    }
}
