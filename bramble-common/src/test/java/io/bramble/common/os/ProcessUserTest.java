package io.bramble.common.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessUserTest {
    @Test
    void theEffectiveUidDecides() {
        assertThat(ProcessUser.isRoot(List.of("Name:\tjava", "Uid:\t1000\t0\t0\t0")))
                .isTrue();
        assertThat(ProcessUser.isRoot(List.of("Name:\tjava", "Uid:\t0\t1000\t1000\t1000")))
                .isFalse();
        assertThat(ProcessUser.isRoot(List.of("Name:\tjava"))).isFalse();
    }
}
