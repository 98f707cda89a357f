package io.bramble.lb.proxy;

import java.util.ArrayList;
import java.util.List;

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

    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
