package io.bramble.compute.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkLoggingTest {
    @TempDir
    Path home;

    @Test
    void warningsOnlyUnlessTheUserWroteTheirOwn() throws Exception {
        SparkLogging.ensure(home);
        Path file = home.resolve("conf/log4j2.properties");
        assertThat(file).content().contains("rootLogger.level = warn");
        Files.writeString(file, "rootLogger.level = info\n");
        SparkLogging.ensure(home);
        assertThat(file).hasContent("rootLogger.level = info");
    }

    @Test
    void everySparkProcessHasTheConfFolderFirstOnItsClassPath() {
        var command = SparkJvm.command(Path.of("/jdk/bin/java"), home, java.util.List.of(),
                "org.apache.spark.deploy.master.Master", java.util.List.of());
        int cp = command.indexOf("-cp");
        assertThat(command.get(cp + 1)).startsWith(home.resolve("conf") + "/:");
    }
}
