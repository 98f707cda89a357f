package io.bramble.compute.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} command line of a Spark process, as Spark's own launcher builds it: the
 * jars of the Spark home on the class path and the module openings Spark 4 needs on JDK 17
 * and later (the same list Spark passes to its executors). JDK 25 needs nothing more: Hadoop
 * 3.5's client no longer calls {@code Subject.getSubject}.
 */
public final class SparkJvm {
    /** What Spark's launcher adds to every JVM it starts (Spark 4.2's JavaModuleOptions). */
    static final List<String> MODULE_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            // Hadoop's and Netty's native libraries are looked for; say that is allowed.
            "--enable-native-access=ALL-UNNAMED");
    /** Heap of the master and of each worker daemon (executors get the worker's memory). */
    static final String DAEMON_HEAP = "-Xmx512m";

    private SparkJvm() {
    }

    /** The command line that runs {@code mainClass} with {@code args} from Spark home. */
    public static List<String> command(Path java, Path sparkHome, List<String> jvmOptions,
            String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(MODULE_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(sparkHome.resolve("conf") + "/:" + sparkHome.resolve("jars") + "/*");
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The command line of a daemon. */
    public static List<String> daemon(Path java, Path sparkHome, DaemonSpec spec) {
        List<String> options = new ArrayList<>(List.of(DAEMON_HEAP));
        spec.properties().forEach((key, value) -> options.add("-D" + key + "=" + value));
        return command(java, sparkHome, options, spec.daemon().mainClass(), spec.args());
    }

    /**
     * The environment Spark's processes need beside the inherited one: the Spark home (where
     * a worker finds the jars for its executors), the Scala version (which Spark's launcher
     * otherwise looks for in a build tree) and the address to bind.
     */
    public static java.util.Map<String, String> environment(Path sparkHome, String scala,
            String localAddress) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", scala);
        if (!localAddress.isEmpty() && !localAddress.equals("0.0.0.0")) {
            env.put("SPARK_LOCAL_IP", localAddress);
        }
        return env;
    }
}
