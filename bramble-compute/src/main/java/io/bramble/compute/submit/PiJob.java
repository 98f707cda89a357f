package io.bramble.compute.submit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Seed 000's Pi job in Java ({@code io.bramble.spark.pi.MonteCarloPi}, in bramble-spark) as
 * {@code compute submit} is given it: the jar bramble's class path holds it in, or one made
 * from bramble-spark's classes folder when bramble runs from a build's folders (tests). The
 * class is only looked up, never loaded: it needs Spark's classes, which bramble's class path
 * does not have.
 */
public final class PiJob {
    /** The job's main class. */
    public static final String CLASS = "io.bramble.spark.pi.MonteCarloPi";

    private PiJob() {
    }

    /** The jar holding the job; one made in {@code scratch} when there is none. */
    public static Path jar(Path scratch) throws IOException {
        URL resource = PiJob.class.getClassLoader().getResource(CLASS.replace('.', '/')
                + ".class");
        if (resource == null) {
            throw new IOException("bramble-spark, which holds the Pi job, is not on bramble's"
                    + " class path: build bramble again (./mvnw install -DskipTests)");
        }
        String url = resource.toString();
        try {
            if (url.startsWith("jar:file:")) {
                return Path.of(new URI(url.substring(4, url.indexOf("!/"))));
            }
            Path classes = Path.of(resource.toURI());
            for (int up = 0; up < CLASS.split("\\.").length; up++) {
                classes = classes.getParent();
            }
            Path jar = scratch.resolve("bramble-spark-pi.jar");
            if (Files.exists(jar)) {
                return jar;
            }
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file);
                    Stream<Path> paths = Files.walk(classes)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(path).toString()));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IOException("cannot read where the Pi job is: " + url, e);
        }
    }
}
