package io.bramble.cluster.heartbeat;

import io.bramble.cluster.pcs.AgentSource;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.Pcs;
import io.bramble.cluster.pcs.PcsOptions;
import io.bramble.cluster.pcs.PcsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an import's pcs commands one after another on a CIB, all or nothing: the CIB comes back
 * only when every command was taken; the first refusal ends the run, named with the line of
 * Heartbeat's file it comes from, and nothing is to be written.
 */
public final class ImportRun {
    private ImportRun() {
    }

    /**
     * @param force passed to each {@code resource create} as {@code --force}, as a user would
     *     for a service not installed on the machine that imports
     * @return the final CIB (empty after a refusal), each command as a {@code pcs} line on
     *     out, pcs's warnings and errors on err
     */
    public static PcsResult run(List<ImportStep> steps, CibElement start, AgentSource agents,
            boolean force) {
        CibElement cib = start;
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        for (ImportStep step : steps) {
            List<String> words = new ArrayList<>(step.words());
            if (force && words.get(1).equals("create")) {
                words.add("--force");
            }
            out.add("pcs " + String.join(" ", words));
            PcsResult result = Pcs.run(PcsOptions.parse(words), cib, agents);
            err.addAll(result.err());
            if (result.exitCode() != 0) {
                err.add("Error: " + step.where() + ": nothing was written");
                return new PcsResult(Optional.empty(), out, err, result.exitCode());
            }
            cib = result.cib().orElse(cib);
        }
        return new PcsResult(Optional.of(cib), out, err, 0);
    }
}
