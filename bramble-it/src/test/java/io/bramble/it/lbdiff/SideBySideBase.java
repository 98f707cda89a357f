package io.bramble.it.lbdiff;

import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a side-by-side test of HAProxy and bramble starts from: the local cluster its processes
 * run in, a folder for their files, and {@link BothProxies}, closed after each test.
 */
abstract class SideBySideBase {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    BothProxies proxies;

    @BeforeEach
    void prepareProxies() {
        proxies = new BothProxies(cluster, dir);
    }

    @AfterEach
    void stopProxies() throws Exception {
        proxies.close();
    }
}
