package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.HttpCheckConfig;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ServerOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners that follow an address this node holds at times (a virtual address). */
class FollowedBindsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private TestBackend backend(String name) throws Exception {
        return resources.backend(name);
    }

    private LoadBalancer start(LbConfig config) {
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(7), "test", new FollowedAddresses(Set.of(LOOPBACK),
                        false));
        resources.add(balancer);
        return balancer;
    }

    private static LbConfig farm(TestBackend server) {
        return farm(server, 2_000);
    }

    private static LbConfig farm(TestBackend server, long interMs) {
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        farm.httpCheck = Optional.of(new HttpCheckConfig("HEAD", "/lb-check.txt", "HTTP/1.0",
                Optional.empty()));
        TestConfigs.server(farm, server, ServerOptions.DEFAULTS.withCheck(true)
                .withInterMs(interMs));
        return TestConfigs.of(farm);
    }

    /** The body of {@code GET /} on a connection of its own. */
    private static String body(int port) throws Exception {
        String response = RawHttp.exchange(port, "GET / HTTP/1.0\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 200");
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 2_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void listensOnlyWhileTheAddressIsHeld() throws Exception {
        TestBackend web = backend("web1");
        LoadBalancer balancer = start(farm(web));
        assertThat(balancer.boundAddresses()).isEmpty();
        int port = balancer.followedAddresses().get(0).getPort();
        assertThat(accepts(port)).isFalse();

        balancer.hold(LOOPBACK);
        balancer.hold(LOOPBACK);
        assertThat(body(port)).startsWith("web1");

        balancer.release(LOOPBACK);
        assertThat(accepts(port)).isFalse();
        balancer.release(LOOPBACK);
        balancer.hold(LOOPBACK);
        assertThat(body(port)).startsWith("web1");
    }

    @Test
    void readyOnlyOnceACheckPassedAndWhileAServerIsUp() throws Exception {
        TestBackend web = backend("web1");
        web.stop();
        LoadBalancer balancer = start(farm(web, 1_000));
        // UP at start as HAProxy has it, but not proven: the address must wait.
        assertThat(balancer.readyOn(LOOPBACK)).isFalse();
        Awaitility.await().during(600, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS)
                .until(() -> !balancer.readyOn(LOOPBACK));

        web.start();
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> balancer.readyOn(LOOPBACK));
        web.stop();
        // Failed checks short of fall leave the server UP, and the address where it is.
        AtomicReference<String> goingDown = new AtomicReference<>();
        Awaitility.await("a failed check, the server still UP").atMost(20, TimeUnit.SECONDS)
                .pollInterval(10, TimeUnit.MILLISECONDS).until(() -> {
                    String before = csvStatus(balancer);
                    boolean ready = balancer.readyOn(LOOPBACK);
                    if (before.matches("UP [12]/3") && csvStatus(balancer).equals(before)) {
                        goingDown.set(before + (ready ? ", ready" : ", not ready"));
                    }
                    return goingDown.get() != null;
                });
        assertThat(goingDown.get()).endsWith(", ready");
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> !balancer.readyOn(
                LOOPBACK));
        assertThat(csvStatus(balancer)).isEqualTo("DOWN");
        assertThat(balancer.readyOn(InetAddress.getByName("127.0.0.2"))).as(
                "no frontend listens there").isTrue();
    }

    /** The status column of the farm's server in the stats CSV. */
    private static String csvStatus(LoadBalancer balancer) {
        for (String line : balancer.statsCsv().split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("webfarm") && cells[1].equals("web1")) {
                return cells[17];
            }
        }
        return "missing";
    }

    @Test
    void aSecondBalancerTakesTheAddressOverWithoutAGap() throws Exception {
        TestBackend web = backend("web1");
        LbConfig config = farm(web);
        LoadBalancer first = start(config);
        LoadBalancer second = start(config);
        int port = first.followedAddresses().get(0).getPort();
        first.hold(LOOPBACK);
        second.hold(LOOPBACK);
        first.release(LOOPBACK);
        for (int i = 0; i < 20; i++) {
            assertThat(body(port)).startsWith("web1");
        }
        second.release(LOOPBACK);
        assertThat(accepts(port)).isFalse();
    }

    @Test
    void aReloadKeepsListeningAndLaterChangesReachTheNewGeneration() throws Exception {
        TestBackend web = backend("web1");
        LbConfig config = farm(web);
        LoadBalancer first = start(config);
        int port = first.followedAddresses().get(0).getPort();
        first.hold(LOOPBACK);
        LoadBalancer second = first.reload(config, new SplittableRandom(8));
        resources.add(second);
        first.retire();
        assertThat(second.holds(LOOPBACK)).isTrue();
        assertThat(body(port)).startsWith("web1");

        first.release(LOOPBACK);
        assertThat(second.holds(LOOPBACK)).isFalse();
        assertThat(accepts(port)).isFalse();
        first.hold(LOOPBACK);
        assertThat(second.holds(LOOPBACK)).isTrue();
        assertThat(body(port)).startsWith("web1");
    }

    @Test
    void anAddressTakenByAnotherProgramFailsTheHoldNamingTheProxy() throws Exception {
        TestBackend web = backend("web1");
        LoadBalancer balancer = start(farm(web));
        int port = balancer.followedAddresses().get(0).getPort();
        try (ServerSocket squatter = new ServerSocket(port, 1, LOOPBACK)) {
            assertThatThrownBy(() -> balancer.hold(LOOPBACK)).isInstanceOf(UserError.class)
                    .hasMessageContaining("proxy 'webfarm': cannot bind to 127.0.0.1:" + port);
        }
        balancer.hold(LOOPBACK);
        assertThat(body(port)).startsWith("web1");
    }
}
