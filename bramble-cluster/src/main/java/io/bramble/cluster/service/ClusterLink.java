package io.bramble.cluster.service;

import io.bramble.cluster.coordinate.Instruction;
import io.bramble.cluster.coordinate.Report;
import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.exec.Recovery;
import io.bramble.cluster.model.FailedAction;
import io.bramble.pool.node.CommandFailure;
import java.util.List;
import java.util.Optional;

/**
 * The lines members send each other for the cluster, as command lines of the pool link under
 * the word {@value #WORD}: a node's lease request (answered with its grant), a node's report to
 * the coordinator, and the coordinator's instruction to a node. Pure: text in, values out.
 */
public final class ClusterLink {
    /** The command word of these lines. */
    public static final String WORD = "clusterd";
    /** What stands for no recovery in a report. */
    private static final String NONE = "-";
    /**
     * A report's words, the verb included; and before they carried the agent's code, reason,
     * times and call number.
     */
    private static final int REPORT_WORDS = 14;
    private static final int REPORT_WORDS_BEFORE = 9;
    /** The largest exit code a process has. */
    private static final int RC_MAX = 255;

    private ClusterLink() {
    }

    /** A lease request of {@code node}'s run {@code incarnation}, sent at {@code sentMs}. */
    public static List<String> lease(String node, long incarnation, long sentMs) {
        return List.of(WORD, "lease", node, Long.toString(incarnation), Long.toString(sentMs));
    }

    /** The answer to a lease request: the node's session with the coordinator. */
    public static String grant(long session) {
        return "grant " + session + "\n";
    }

    /** The session of a grant, empty when the coordinator did not grant. */
    public static Optional<Long> session(String answer) {
        String text = answer.strip();
        if (!text.startsWith("grant ")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.substring("grant ".length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static List<String> instruction(Instruction i) {
        return List.of(WORD, "do", Long.toString(i.id()), Long.toString(i.session()), i.node(),
                i.resource(), i.operation(), Long.toString(i.intervalMs()),
                Long.toString(i.timeoutMs()));
    }

    public static List<String> report(Report r) {
        return List.of(WORD, "report", Long.toString(r.instructionId()), r.node(),
                r.resource(), r.operation(), Long.toString(r.intervalMs()),
                r.outcome().kind().name(), r.outcome().recovery().map(Enum::name).orElse(NONE),
                r.outcome().text(), Integer.toString(r.outcome().rc()), r.outcome().exitReason(),
                Long.toString(r.outcome().durationMs()), Long.toString(r.outcome().queueMs()),
                Long.toString(r.outcome().callId()));
    }

    /** The instruction of a {@code do} line ({@code args} without the word). */
    public static Instruction instruction(List<String> args) {
        expect(args, "do", 8);
        return new Instruction(number(args.get(1)), number(args.get(2)), args.get(3),
                args.get(4), args.get(5), number(args.get(6)), number(args.get(7)));
    }

    /** The report of a {@code report} line ({@code args} without the word). */
    public static Report report(List<String> args) {
        // a node of a version before the agents' codes, reasons and times sends fewer words
        expect(args, "report", args.size() == REPORT_WORDS_BEFORE
                ? REPORT_WORDS_BEFORE
                : REPORT_WORDS);
        try {
            Optional<Recovery> recovery = args.get(7).equals(NONE)
                    ? Optional.empty()
                    : Optional.of(Recovery.valueOf(args.get(7)));
            Outcome.Kind kind = Outcome.Kind.valueOf(args.get(6));
            Outcome outcome = args.size() == REPORT_WORDS_BEFORE
                    ? new Outcome(kind, recovery, args.get(8))
                    : new Outcome(kind, recovery, args.get(8), bounded(args.get(9), RC_MAX),
                            args.get(10), timeOrUnknown(args.get(11)), timeOrUnknown(args
                                    .get(12)),
                            timeOrUnknown(args.get(13)));
            return new Report(number(args.get(1)), args.get(2), args.get(3), args.get(4),
                    number(args.get(5)), outcome);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(WORD + " report: " + e.getMessage());
        }
    }

    /** The node, incarnation and send time of a {@code lease} line. */
    public static LeaseRequest leaseRequest(List<String> args) {
        expect(args, "lease", 4);
        return new LeaseRequest(args.get(1), number(args.get(2)), number(args.get(3)));
    }

    /** A node's lease request. */
    public record LeaseRequest(String node, long incarnation, long sentMs) {}

    private static void expect(List<String> args, String verb, int size) {
        if (args.size() != size || !args.getFirst().equals(verb)) {
            throw new CommandFailure(WORD + ": expected " + verb + " and " + (size - 1)
                    + " arguments");
        }
    }

    /** A number from 0 to {@code max}. */
    private static int bounded(String text, int max) {
        return (int) bounded(text, (long) max);
    }

    private static long bounded(String text, long max) {
        long n = number(text);
        if (n < 0 || n > max) {
            throw new CommandFailure(WORD + ": " + n + " is not between 0 and " + max);
        }
        return n;
    }

    /** A time or a count, or -1 for not known. */
    private static long timeOrUnknown(String text) {
        long n = number(text);
        if (n < FailedAction.UNKNOWN) {
            throw new CommandFailure(WORD + ": " + n + " is below -1");
        }
        return n;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CommandFailure(WORD + ": '" + text + "' is not a number");
        }
    }
}
