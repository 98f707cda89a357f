package io.bramble.it.testkit;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;

/**
 * A stand-in for a test JVM, run as a process of its own so that it can be killed: it starts
 * one {@code bramble web} through the kit, prints its pid, and waits to be killed.
 * Arguments: the log folder, the web root, and the pid of the test JVM, whose end ends this
 * process too.
 */
public final class ClusterHolder {
    private ClusterHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessHandle.of(Long.parseLong(args[2])).ifPresentOrElse(
                test -> test.onExit().thenRun(() -> System.exit(1)), () -> System.exit(1));
        LocalCluster cluster = LocalCluster.open(Path.of(args[0]));
        HostPort bind = cluster.endpoint("web1");
        ManagedProcess web = cluster.start("web1", "web", "--root", args[1], "--bind",
                bind.toString());
        web.awaitPort();
        System.out.println("bramble pid " + web.pid() + " serving " + bind);
        Thread.currentThread().join(); // until killed
    }
}
