package io.bramble.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A test that fails or runs past its timeout still has its bramble processes stopped, and its
 * output shows the tail of their logs. The failing tests are run here through the JUnit engine,
 * as surefire would run them.
 */
class CleanupAfterFailureTest {
    @Test
    void aFailedTestsProcessesAreStoppedAndTheirOutputReported() {
        String output = run("fails");
        assertThat(Fixture.pids).hasSize(2);
        Fixture.pids.forEach(pid -> assertThat(Signals.hasEnded(pid)).as("pid %d", pid)
                .isTrue());
        assertThat(output).contains("---- bramble processes of this test",
                "---- web1 (pid " + Fixture.pids.get(0) + ", exited with code 143)",
                "---- web2 (pid " + Fixture.pids.get(1) + ", exited with code 143)",
                "last ", "web1.log");
    }

    @Test
    void aTimedOutTestsProcessesAreStopped() {
        String output = run("runsPastItsTimeout");
        assertThat(Fixture.pids).hasSize(1);
        assertThat(Signals.hasEnded(Fixture.pids.getFirst())).isTrue();
        assertThat(output).contains("web1 (pid " + Fixture.pids.getFirst() + ", exited");
    }

    /** Runs one fixture test, returns what it printed, and checks that it failed. */
    private static String run(String method) {
        Fixture.pids.clear();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Events tests;
        try {
            Fixture.enabled = true;
            tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectMethod(Fixture.class, method)).execute().testEvents();
        } finally {
            Fixture.enabled = false;
            System.setOut(original);
        }
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println(output); // keep it in this test's report too
        return output;
    }

    /** Tests that go wrong on purpose; run only through {@link #run}. */
    static class Fixture {
        static volatile boolean enabled;
        static final List<Long> pids = new CopyOnWriteArrayList<>();

        @RegisterExtension
        final LocalCluster cluster = new LocalCluster();

        @TempDir
        Path sites;

        private ManagedProcess startWeb(String name) {
            Assumptions.assumeTrue(enabled, "runs only inside CleanupAfterFailureTest");
            Path root = WebRoots.named(sites, name);
            HostPort bind = cluster.endpoint(name);
            ManagedProcess web = cluster.start(name, "web", "--root", root.toString(), "--bind",
                    bind.toString());
            pids.add(web.pid());
            web.awaitPort();
            return web;
        }

        @Test
        void fails() {
            startWeb("web1");
            startWeb("web2");
            throw new AssertionError("a test failing with its servers running");
        }

        @Test
        @Timeout(value = 2, unit = TimeUnit.SECONDS)
        void runsPastItsTimeout() throws Exception {
            startWeb("web1");
            Thread.sleep(600_000);
        }
    }
}
