package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.net.ServerSocket;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server written with the any-address ({@code *:PORT}, {@code 0.0.0.0:PORT},
 * {@code :PORT}) is reached, as HAProxy 2.6.12 reached it, on the address each client
 * connected to: a frontend bound on 127.0.0.2 and 127.0.0.3 sends each connection to the
 * server port of the address its client used, where one test server listens per address.
 */
class AnyAddressServerTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    @ParameterizedTest
    @CsvSource({"tcp, *", "tcp, 0.0.0.0", "tcp, ''", "http, *", "http, 0.0.0.0", "http, ''"})
    void eachConnectionGoesToTheAddressItsClientConnectedTo(String mode, String host)
            throws Exception {
        int front = TestConfigs.freePort();
        int serverPort = TestConfigs.freePort();
        ServerSocket second = FirstLineRelay.listen(resources, "127.0.0.2", serverPort);
        ServerSocket third = FirstLineRelay.listen(resources, "127.0.0.3", serverPort);
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                listen web
                    mode %s
                    bind 127.0.0.2:%d
                    bind 127.0.0.3:%2$d
                    server app %s:%d
                """.formatted(mode, front, host, serverPort));
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(9),
                "test"));

        boolean http = mode.equals("http");
        assertThat(FirstLineRelay.relay(resources, http, "127.0.0.3", front, third,
                "via 127.0.0.3")).isEqualTo("via 127.0.0.3");
        assertThat(FirstLineRelay.relay(resources, http, "127.0.0.2", front, second,
                "via 127.0.0.2")).isEqualTo("via 127.0.0.2");
    }
}
