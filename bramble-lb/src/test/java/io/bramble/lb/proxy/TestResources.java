package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a test started (backends, balancers), closed in reverse order after it. A test class
 * keeps one and closes it in its {@code @AfterEach}.
 */
final class TestResources implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();

    /** Closes {@code resource} after the test; returns it. */
    <T extends AutoCloseable> T add(T resource) {
        started.add(resource);
        return resource;
    }

    /** A test backend named {@code name}, stopped after the test. */
    TestBackend backend(String name) throws Exception {
        return add(TestBackend.start(name));
    }

    /** A balancer running {@code haproxyCfg} (named lb.cfg), stopped after the test. */
    void balancer(String haproxyCfg) {
        add(LoadBalancer.start(new HaproxyConfigParser(Map.of(), false).parse("lb.cfg",
                haproxyCfg), Clock.system(), new SplittableRandom(3), "test"));
    }

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
