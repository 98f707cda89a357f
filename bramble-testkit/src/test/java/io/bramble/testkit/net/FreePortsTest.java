package io.bramble.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    private final InetAddress address = new LoopbackAddresses().next();

    @Test
    void handsOutBindablePortsBelowTheEphemeralRangeEachOnce() throws IOException {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.shared().on(address);
            assertThat(port).isBetween(FreePorts.PORT_MIN, 32_767);
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(address, port));
            }
        }
    }

    @Test
    void skipsAPortSomeoneHolds() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(address, 0));
            int port = taken.getLocalPort();
            FreePorts ports = new FreePorts(new SplittableRandom(7), port - 1, port);
            // Whatever the random order, the held port is never the answer.
            assertThat(FreePorts.canBind(address, port - 1)).isTrue();
            assertThat(ports.on(address)).isEqualTo(port - 1);
            assertThatThrownBy(() -> ports.on(address))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no free port on " + address.getHostAddress());
        }
    }

    @Test
    void rejectsABadRange() {
        assertThatThrownBy(() -> new FreePorts(new SplittableRandom(1), 100, 99))
                .hasMessageContaining("port range");
    }
}
