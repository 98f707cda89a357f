package io.bramble.compute.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A daemon run under {@link DiesWithNode} ends when its node's pipe closes, as the kernel
 * closes it when {@code bramble node} dies; a daemon's own end, and a SIGTERM to the shell,
 * end the shell with it.
 */
class DiesWithNodeTest {
    /** The daemons' scripts start with it, to tell them from the shell around them. */
    private static final String DAEMON_MARK = ": daemon;";

    private static Process start(String script) throws IOException {
        return new ProcessBuilder(DiesWithNode.wrap(List.of("/bin/sh", "-c", DAEMON_MARK + " "
                + script)))
                .redirectErrorStream(true).start();
    }

    /**
     * The daemon's process: the shell's child that runs {@code sh -c script} (the watch, a
     * fork of the shell, has the shell's command line).
     */
    private static ProcessHandle daemon(Process shell) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var found = shell.toHandle().children().filter(c -> c.info().arguments().filter(
                    args -> args.length == 2 && args[1].startsWith(DAEMON_MARK)).isPresent())
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the daemon did not start");
    }

    @Test
    void theDaemonEndsWhenTheNodesPipeCloses() throws Exception {
        Process shell = start("while :; do sleep 0.1; done");
        ProcessHandle daemon = daemon(shell);
        assertThat(shell.waitFor(300, TimeUnit.MILLISECONDS)).as("runs while the node does")
                .isFalse();
        shell.getOutputStream().close(); // what the kernel does when the node's JVM ends
        assertThat(daemon.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as("the daemon's own status: ended by SIGTERM")
                .isEqualTo(128 + 15);
    }

    @Test
    void aDaemonThatIgnoresSigtermIsKilledAfterItsGrace() throws Exception {
        Process shell = start("trap '' TERM; while :; do sleep 0.1; done");
        ProcessHandle daemon = daemon(shell);
        long start = System.nanoTime();
        shell.getOutputStream().close();
        assertThat(shell.waitFor(DiesWithNode.GRACE_S + 10, TimeUnit.SECONDS)).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000_000L).isGreaterThanOrEqualTo(
                DiesWithNode.GRACE_S - 1);
        assertThat(daemon.isAlive()).isFalse();
        assertThat(shell.exitValue()).as("killed").isEqualTo(128 + 9);
    }

    @Test
    void theDaemonsChildrenAreKilledAtOnce() throws Exception {
        // A worker whose executor ignores SIGTERM and that waits for it: only a kill ends it.
        Process shell = start("trap 'wait' TERM; sh -c 'trap \"\" TERM; while :; do sleep 0.1;"
                + " done' & wait");
        ProcessHandle daemon = daemon(shell);
        ProcessHandle child = null;
        for (int i = 0; i < 200 && child == null; i++) {
            child = daemon.children().findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertThat(child).as("the daemon's child").isNotNull();
        shell.getOutputStream().close();
        assertThat(child.onExit().get(DiesWithNode.GRACE_S + 10, TimeUnit.SECONDS).isAlive())
                .isFalse();
        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).as("the daemon ended with its child,"
                + " before its grace ran out").isTrue();
    }

    @Test
    void theShellEndsWithTheDaemonAndPassesOnItsStatus() throws Exception {
        Process shell = start("exit 3");
        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).isEqualTo(3);
    }

    @Test
    void aSigtermToTheShellEndsTheDaemonAndWaitsForIt() throws Exception {
        Process shell = start("trap 'sleep 1; exit 0' TERM; while :; do sleep 0.1; done");
        ProcessHandle daemon = daemon(shell);
        shell.destroy();
        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.isAlive()).as("the shell ended after its daemon").isFalse();
    }
}
