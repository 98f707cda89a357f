package io.bramble.compute.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spark's logging for every Spark process of a node: warnings and errors only, on standard
 * error, as seed 000 sets it up ({@code rootCategory=WARN}), so that an application's output
 * is not buried in Spark's INFO lines and a daemon's log grows by little. The file is
 * {@code SPARK_HOME/conf/log4j2.properties}, on every Spark process's class path; it is
 * written when missing and left alone after, for users who want more.
 */
public final class SparkLogging {
    static final String FILE = "log4j2.properties";
    static final String WARNINGS = """
            # Written by bramble when missing; edit freely (Spark's log4j2 configuration).
            rootLogger.level = warn
            rootLogger.appenderRef.stderr.ref = console
            appender.console.type = Console
            appender.console.name = console
            appender.console.target = SYSTEM_ERR
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
            """;

    private SparkLogging() {
    }

    /** Writes the configuration into {@code sparkHome}'s {@code conf} unless one is there. */
    public static void ensure(Path sparkHome) throws IOException {
        Path conf = Files.createDirectories(sparkHome.resolve("conf"));
        Path file = conf.resolve(FILE);
        if (!Files.exists(file)) {
            Path partial = conf.resolve(FILE + ".part");
            Files.writeString(partial, WARNINGS);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
