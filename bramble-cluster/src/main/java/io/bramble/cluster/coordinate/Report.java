package io.bramble.cluster.coordinate;

import io.bramble.cluster.exec.Outcome;

/**
 * A node's answer to an instruction: the first result of an action, or a later result of a
 * recurring monitor that differs from the one before.
 *
 * @param instructionId the instruction it answers
 * @param node the node that ran it
 * @param resource the primitive
 * @param operation the action
 * @param intervalMs a recurring monitor's interval, else 0
 * @param outcome what the result means ({@link Outcome#of})
 */
public record Report(long instructionId, String node, String resource, String operation,
        long intervalMs, Outcome outcome) {
    /** The report of {@code instruction} with {@code outcome}. */
    public static Report of(Instruction instruction, Outcome outcome) {
        return new Report(instruction.id(), instruction.node(), instruction.resource(),
                instruction.operation(), instruction.intervalMs(), outcome);
    }
}
