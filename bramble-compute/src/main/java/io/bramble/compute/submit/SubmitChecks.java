package io.bramble.compute.submit;

import java.util.Optional;

/**
 * What is checked once the pool's master answers, before spark-submit runs: an application
 * asking for more cores than the pool's live workers have would wait for them forever.
 */
public final class SubmitChecks {
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
}
