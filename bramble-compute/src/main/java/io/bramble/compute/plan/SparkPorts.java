package io.bramble.compute.plan;

import io.bramble.common.check.Checks;

/**
 * The ports of the pool's Spark cluster: the master's, which workers and applications connect
 * to ({@code spark://HOST:7077}), its web UI's ({@code http://HOST:8080/}, with the JSON
 * status at {@code /json/}), and each worker's web UI's. That the first two differ is
 * checked where users give them ({@link StartLine}).
 */
public record SparkPorts(int master, int masterUi, int workerUi) {
    public static final SparkPorts DEFAULT = new SparkPorts(7077, 8080, 8081);

    public SparkPorts {
        Checks.inRange(master, 1, 65535, "master port");
        Checks.inRange(masterUi, 1, 65535, "master UI port");
        Checks.inRange(workerUi, 1, 65535, "worker UI port");
    }
}
