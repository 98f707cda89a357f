package io.bramble.compute.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmitLineTest {
    private static final SubmitTarget TARGET = new SubmitTarget("spark://10.0.0.1:7077",
            Path.of("/var/lib/bramble/compute/spark-4.2.0_2.13"), "2.13", "10.0.0.2", 12, 2048);

    @Test
    void optionsTheApplicationAndItsArguments() throws Exception {
        SubmitLine line = SubmitLine.parse(List.of("--class", "a.Pi", "--conf",
                "spark.ui.enabled=false", "--verbose", "pi.jar", "24", "--not-an-option"));
        assertThat(line).isEqualTo(new SubmitLine(List.of("--class", "a.Pi", "--conf",
                "spark.ui.enabled=false", "--verbose"), "pi.jar",
                List.of("24",
                        "--not-an-option")));
        assertThat(line.isPython()).isFalse();
        assertThat(SubmitLine.parse(List.of("pi-spark.py", "24")).isPython()).isTrue();
    }

    @Test
    void theMasterIsThePools() {
        assertThatThrownBy(() -> SubmitLine.parse(List.of("--master", "local", "pi.jar")))
                .hasMessageStartingWith("compute submit: --master is the pool's");
        assertThatThrownBy(() -> SubmitLine.parse(List.of("--master=local", "pi.jar")))
                .hasMessageStartingWith("compute submit: --master is the pool's");
        assertThatThrownBy(() -> SubmitLine.parse(List.of("--class")))
                .hasMessageContaining("--class needs a value");
        assertThatThrownBy(() -> SubmitLine.parse(List.of("--verbose")))
                .hasMessageStartingWith("compute submit: no application given");
    }

    @Test
    void moreCoresThanThePoolHasIsRefused() throws Exception {
        assertThat(SubmitChecks.cores(SubmitLine.parse(List.of("--total-executor-cores", "12",
                "pi.jar")), TARGET)).isEmpty();
        assertThat(SubmitChecks.cores(SubmitLine.parse(List.of("--total-executor-cores=13",
                "pi.jar")), TARGET)).hasValueSatisfying(error -> assertThat(error).startsWith(
                        "compute submit: --total-executor-cores 13 is more cores than the"
                                + " pool's workers have (12);"));
        assertThat(SubmitChecks.cores(SubmitLine.parse(List.of("--executor-cores", "x",
                "pi.jar")), TARGET)).isPresent();
    }

    @Test
    void executorsLargerThanEveryWorkerAreRefused() throws Exception {
        assertThat(SubmitChecks.memory(SubmitLine.parse(List.of("pi.jar")), TARGET)).isEmpty();
        assertThat(SubmitChecks.memory(SubmitLine.parse(List.of("--executor-memory", "2g",
                "pi.jar")), TARGET)).isEmpty();
        assertThat(SubmitChecks.memory(SubmitLine.parse(List.of("--executor-memory=3g",
                "pi.jar")), TARGET)).contains("compute submit: executors of 3072 MiB"
                        + " (--executor-memory 3g) fit in no worker: the largest offers 2048"
                        + " MiB; ask for less (--executor-memory 2048m) or give the workers"
                        + " more ('bramble compute start --worker-memory 2g')");
        assertThat(SubmitChecks.memory(SubmitLine.parse(List.of("--conf",
                "spark.executor.memory=4096", "pi.jar")), TARGET)).hasValueSatisfying(
                        error -> assertThat(error).startsWith("compute submit: executors of"
                                + " 4096 MiB (spark.executor.memory=4096) fit in no worker"));
        SubmitTarget small = new SubmitTarget(TARGET.masterUrl(), TARGET.sparkHome(), "2.13",
                "10.0.0.2", 3, 512);
        assertThat(SubmitChecks.memory(SubmitLine.parse(List.of("pi.jar")), small))
                .hasValueSatisfying(error -> assertThat(error).startsWith("compute submit:"
                        + " executors of 1024 MiB (Spark's default --executor-memory 1g)"));
        assertThat(SubmitChecks.memory(SubmitLine.parse(List.of("--executor-memory", "lots",
                "pi.jar")), small)).contains("compute submit: --executor-memory lots:"
                        + " expected a size such as 512m or 2g");
        SubmitTarget unknown = SubmitTarget.decode("master=spark://a:7077\ncores=3\n");
        assertThat(SubmitChecks.memory(SubmitLine.parse(List.of("pi.jar")), unknown))
                .as("a node that does not say").isEmpty();
        assertThat(SubmitTarget.decode(TARGET.encode())).isEqualTo(TARGET);
    }

    @Test
    void sparkSubmitRunsAgainstThePoolsMaster() throws Exception {
        SubmitLine line = SubmitLine.parse(List.of("--driver-memory", "512m", "--class",
                "a.Pi", "pi.jar", "24"));
        List<String> command = SubmitCommand.command(Path.of("/jdk/bin/java"), TARGET, line);
        assertThat(command.getFirst()).isEqualTo("/jdk/bin/java");
        assertThat(command).contains("-Xmx512m", "-cp")
                .containsSubsequence(SubmitCommand.MAIN_CLASS, "--master",
                        "spark://10.0.0.1:7077", "--driver-memory", "512m", "--class", "a.Pi",
                        "pi.jar", "24");
        assertThat(SubmitCommand.environment(TARGET)).containsEntry("SPARK_HOME",
                TARGET.sparkHome().toString()).containsEntry("SPARK_LOCAL_IP", "10.0.0.2")
                .containsEntry("SPARK_SCALA_VERSION", "2.13");
        assertThat(SubmitTarget.decode(TARGET.encode())).isEqualTo(TARGET);
    }
}
