package io.bramble.compute.jars;

import java.io.IOException;
import java.nio.file.Path;

/** A place a node can copy one of Spark's jars from. */
public interface JarSource {
    /** Where the jars come from, for the node's log: {@code /root/.m2/repository}. */
    String name();

    /**
     * Copies the jar at repository path {@code jar} to {@code target} (a new file in the
     * cache's folder) and checks it, or reports that this source does not have it.
     *
     * @return whether the jar is now in {@code target}
     * @throws IOException when the source has the jar but the copy failed or did not check
     */
    boolean copy(String jar, Path target) throws IOException;
}
