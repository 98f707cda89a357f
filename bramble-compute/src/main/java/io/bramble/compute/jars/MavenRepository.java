package io.bramble.compute.jars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A local Maven repository ({@code ~/.m2/repository}), where a machine that built bramble
 * already has Spark's jars. A jar is checked against the {@code .sha1} file Maven keeps beside
 * it when there is one.
 */
public final class MavenRepository implements JarSource {
    private final Path root;

    public MavenRepository(Path root) {
        this.root = root;
    }

    /** The repository of the user running the node: {@code ~/.m2/repository}. */
    public static MavenRepository ofUser() {
        return new MavenRepository(Path.of(System.getProperty("user.home"), ".m2",
                "repository"));
    }

    @Override
    public String name() {
        return root.toString();
    }

    @Override
    public boolean copy(String jar, Path target) throws IOException {
        Path source = root.resolve(jar);
        if (!Files.isRegularFile(source)) {
            return false;
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        Path sum = root.resolve(jar + ".sha1");
        if (Files.isRegularFile(sum)) {
            Sha1.check(target, Sha1.fromText(Files.readString(sum)), name());
        }
        return true;
    }
}
