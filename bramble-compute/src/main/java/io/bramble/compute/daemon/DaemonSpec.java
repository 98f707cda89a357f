package io.bramble.compute.daemon;

import java.util.List;

/**
 * One Spark daemon as this node should run it: a change of any part (a new master address,
 * other cores) means stopping the running one and starting this.
 *
 * @param daemon master or worker
 * @param localAddress the address it binds to and announces ({@code SPARK_LOCAL_IP})
 * @param args its program arguments after the main class
 */
public record DaemonSpec(Daemon daemon, String localAddress, List<String> args) {
    public DaemonSpec {
        args = List.copyOf(args);
    }
}
