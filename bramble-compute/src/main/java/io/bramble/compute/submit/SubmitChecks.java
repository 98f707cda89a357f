package io.bramble.compute.submit;

import io.bramble.compute.plan.SparkSize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is checked once the pool's master answers, before spark-submit runs: an application
 * asking for more cores than the pool's live workers have, or for executors larger than any
 * worker's memory, would wait for them forever (Spark only warns that the job "has not
 * accepted any resources").
 */
public final class SubmitChecks {
    /** What Spark gives an executor when nothing says otherwise. */
    static final String EXECUTOR_MEMORY_DEFAULT = "1g";

    private SubmitChecks() {
    }

    /** The one-line error for {@code line} on {@code target}; empty when it may go. */
    public static Optional<String> cores(SubmitLine line, SubmitTarget target) {
        for (String option : new String[]{"--total-executor-cores", "--executor-cores"}) {
            Optional<String> value = line.option(option);
            if (value.isEmpty()) {
                continue;
            }
            long asked;
            try {
                asked = Long.parseLong(value.get());
            } catch (NumberFormatException e) {
                return Optional.of("compute submit: " + option + " '" + value.get()
                        + "': expected a number of cores");
            }
            if (asked > target.aliveCores()) {
                return Optional.of("compute submit: " + option + " " + asked + " is more"
                        + " cores than the pool's workers have (" + target.aliveCores()
                        + "); ask for at most " + target.aliveCores() + " or start more"
                        + " workers ('bramble compute start --workers all')");
            }
        }
        return Optional.empty();
    }

    /**
     * The one-line error when {@code line}'s executors need more memory than any live worker
     * of {@code target} offers; empty when they fit, or when the worker's memory is unknown.
     * The executors' memory is {@code --executor-memory}, else {@code --conf
     * spark.executor.memory=...}, else Spark's default, {@value #EXECUTOR_MEMORY_DEFAULT}.
     */
    public static Optional<String> memory(SubmitLine line, SubmitTarget target) {
        if (target.workerMemoryMb() <= 0) {
            return Optional.empty();
        }
        Optional<String> option = line.option("--executor-memory");
        String asked = option.or(() -> executorMemoryConf(line)).orElse(
                EXECUTOR_MEMORY_DEFAULT);
        String said = option.isPresent()
                ? "--executor-memory " + asked
                : executorMemoryConf(line).isPresent()
                        ? "spark.executor.memory=" + asked
                        : "Spark's default --executor-memory " + asked;
        OptionalLong mb = SparkSize.mib(asked);
        if (mb.isEmpty()) {
            return Optional.of("compute submit: " + said + ": expected a size such as 512m or"
                    + " 2g");
        }
        if (mb.getAsLong() <= target.workerMemoryMb()) {
            return Optional.empty();
        }
        return Optional.of("compute submit: executors of " + mb.getAsLong() + " MiB (" + said
                + ") fit in no worker: the largest offers " + target.workerMemoryMb() + " MiB;"
                + " ask for less (--executor-memory " + target.workerMemoryMb() + "m) or give"
                + " the workers more ('bramble compute start --worker-memory 2g')");
    }

    private static Optional<String> executorMemoryConf(SubmitLine line) {
        String key = "spark.executor.memory=";
        List<String> options = line.options();
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            String value = (o.equals("--conf") || o.equals("-c")) && i + 1 < options.size()
                    ? options.get(i + 1)
                    : o.startsWith("--conf=") ? o.substring("--conf=".length()) : "";
            if (value.startsWith(key)) {
                return Optional.of(value.substring(key.length()));
            }
        }
        return Optional.empty();
    }
}
