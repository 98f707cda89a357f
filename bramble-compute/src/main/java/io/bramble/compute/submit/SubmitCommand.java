package io.bramble.compute.submit;

import io.bramble.compute.daemon.SparkJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spark-submit process for a line: Spark's {@code SparkSubmit} from the node's Spark home,
 * the driver in this process (client mode, as spark-submit's default), its heap the line's
 * {@code --driver-memory} (1g by default, as Spark's) since a running JVM cannot change it.
 */
public final class SubmitCommand {
    static final String MAIN_CLASS = "org.apache.spark.deploy.SparkSubmit";
    static final String DRIVER_MEMORY_DEFAULT = "1g";

    private SubmitCommand() {
    }

    public static List<String> command(Path java, SubmitTarget target, SubmitLine line) {
        List<String> args = new ArrayList<>(List.of("--master", target.masterUrl()));
        args.addAll(line.options());
        args.add(line.application());
        args.addAll(line.arguments());
        String heap = "-Xmx" + line.option("--driver-memory").orElse(DRIVER_MEMORY_DEFAULT);
        return SparkJvm.command(java, target.sparkHome(), List.of(heap), MAIN_CLASS, args);
    }

    public static Map<String, String> environment(SubmitTarget target) {
        return SparkJvm.environment(target.sparkHome(), target.scala(),
                target.localAddress());
    }
}
