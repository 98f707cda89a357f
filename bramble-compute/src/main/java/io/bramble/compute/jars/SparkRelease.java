package io.bramble.compute.jars;

import io.bramble.common.check.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The Spark release this build of bramble runs: its version, its Scala version and the jars
 * of its class path as paths in a Maven repository ({@code org/apache/spark/.../x.jar}),
 * resolved when bramble was built (bramble-spark's {@code spark-jars.txt}).
 *
 * @param version Spark's version, such as {@code 4.2.0}
 * @param scala the Scala version Spark was built for, such as {@code 2.13}
 * @param jars each jar's path in a Maven repository, in class-path order
 */
public record SparkRelease(String version, String scala, List<String> jars) {
    /** Jars in a release: Spark 4.2 with SQL has about 170. */
    public static final int JARS_MAX = 1_000;
    private static final Pattern PATH = Pattern.compile(
            "[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/[A-Za-z0-9_.+-]+\\.jar");
    private static final String PREFIX = "maven2/";

    public SparkRelease {
        Checks.argument(version.matches("[0-9][0-9A-Za-z.-]{0,31}"), "bad Spark version");
        Checks.argument(scala.matches("[0-9]+\\.[0-9]+"), "bad Scala version");
        Checks.argument(!jars.isEmpty() && jars.size() <= JARS_MAX, "1 to " + JARS_MAX
                + " jars");
        for (String jar : jars) {
            Checks.argument(PATH.matcher(jar).matches() && !jar.contains(".."),
                    "bad jar path '" + jar + "'");
        }
        Checks.argument(jars.stream().map(SparkRelease::fileName).distinct().count() == jars.size(),
                "two jars of one name");
        jars = List.copyOf(jars);
    }

    /** The release named by the resources bramble was built with. */
    public static SparkRelease bundled() {
        Properties properties = new Properties();
        try (InputStream in = resource("spark.properties")) {
            properties.load(in);
            String list = new String(resource("spark-jars.txt").readAllBytes(),
                    StandardCharsets.UTF_8);
            return parse(properties.getProperty("version", ""),
                    properties.getProperty("scala", ""), list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A release from Maven's class-path text: paths under the repository, each starting with
     * {@code maven2/}, separated by {@code :} or line ends.
     */
    public static SparkRelease parse(String version, String scala, String classPath) {
        List<String> jars = Arrays.stream(classPath.split("[:\\n]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    Checks.argument(s.startsWith(PREFIX), "not a repository path: " + s);
                    return s.substring(PREFIX.length());
                })
                .distinct()
                .toList();
        return new SparkRelease(version, scala, jars);
    }

    /** The folder of the Spark home for this release, under a node's compute folder. */
    public String homeName() {
        return "spark-" + version + "_" + scala;
    }

    /** A jar's file name, the last part of its path: names are unique in a release. */
    public static String fileName(String jar) {
        return jar.substring(jar.lastIndexOf('/') + 1);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SparkRelease.class.getResourceAsStream("/io/bramble/spark/" + name);
        if (in == null) {
            throw new IOException("bramble-spark's " + name + " is not on the class path");
        }
        return in;
    }
}
