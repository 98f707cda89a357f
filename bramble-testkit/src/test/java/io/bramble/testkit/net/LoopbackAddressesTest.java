package io.bramble.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackAddressesTest {
    @Test
    void handsOutDistinctAddressesFrom127_0_0_10() {
        LoopbackAddresses addresses = new LoopbackAddresses();
        assertThat(addresses.next().getHostAddress()).isEqualTo("127.0.0.10");
        assertThat(addresses.next().getHostAddress()).isEqualTo("127.0.0.11");
    }

    @Test
    void failsOnceAllAreUsed() {
        LoopbackAddresses addresses = new LoopbackAddresses();
        for (int host = LoopbackAddresses.FIRST_HOST; host <= LoopbackAddresses.LAST_HOST; host++) {
            assertThat(addresses.next().getHostAddress()).isEqualTo("127.0.0." + host);
        }
        assertThatThrownBy(addresses::next).hasMessageContaining("are in use");
    }
}
