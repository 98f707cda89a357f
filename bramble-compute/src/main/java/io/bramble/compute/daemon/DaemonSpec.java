package io.bramble.compute.daemon;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Spark daemon as this node should run it: a change of any part (other cores, another
 * set of masters) means stopping the running one and starting this.
 *
 * @param daemon master or worker
 * @param localAddress the address it binds to and announces ({@code SPARK_LOCAL_IP})
 * @param args its program arguments after the main class
 * @param properties Spark properties it is started with ({@code -Dspark...=...})
 */
public record DaemonSpec(Daemon daemon, String localAddress, List<String> args,
        Map<String, String> properties) {
    public DaemonSpec {
        args = List.copyOf(args);
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** A daemon started with Spark's default properties. */
    public DaemonSpec(Daemon daemon, String localAddress, List<String> args) {
        this(daemon, localAddress, args, Map.of());
    }
}
