package io.bramble.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.error.UserError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorReporterTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @CommandLine.Option(names = "--how")
        String how = "bug";

        @Override
        public Integer call() {
            throw switch (how) {
                case "usage" -> UserError.usage("bad --how: say what to do instead");
                case "runtime" -> UserError.runtime("address 127.0.0.1:80 is in use",
                        new RuntimeException("inner"));
                default -> new IllegalStateException("unexpected state");
            };
        }
    }

    @AfterEach
    void debugOff() {
        new DebugOption().set(false);
    }

    private int run(String... args) {
        CommandLine line = BrambleCommand.commandLine(new PrintWriter(out, true),
                new PrintWriter(err, true));
        line.addSubcommand(new Failing());
        return BrambleCommand.execute(line, args);
    }

    @Test
    void anUnknownCommandIsAUsageErrorEvenWithHelpAfterIt() {
        assertThat(run("swarm", "deploy", "--help")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("bramble: unknown command 'swarm' (see "
                + "'bramble help' for the commands)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageErrorWhateverStandsAroundIt() {
        for (String[] line : new String[][]{{"--debug", "swarm", "deploy", "--help"},
                {"-h", "swarm"}, {"--version", "swarm"}, {"swarm", "-h"}}) {
            err.getBuffer().setLength(0);
            assertThat(run(line)).as(String.join(" ", line)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", line)).startsWith(
                    "bramble: unknown command 'swarm'");
        }
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownVerbOfACommandIsAUsageErrorWithHelpAfterIt() {
        assertThat(run("volume", "frob", "--help")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("bramble: unknown command 'frob' for 'bramble "
                + "volume' (see 'bramble help volume')" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("peer", "frob", "-h")).isEqualTo(2);
        assertThat(err.toString()).startsWith("bramble: unknown command 'frob' for 'bramble "
                + "peer'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpOfAKnownCommandStillWorks() {
        assertThat(run("volume", "create", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: bramble volume create");
        assertThat(run("--debug", "volume", "--help")).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(
                "bramble: Unknown option: '--bogus' (see 'bramble help')" + System.lineSeparator());
    }

    @Test
    void missingCommandSaysWhereToLook() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing command", "bramble help");
    }

    @Test
    void usageErrorIsOneLineWithoutStackTrace() {
        assertThat(run("fail", "--how", "usage")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "bramble: bad --how: say what to do instead");
    }

    @Test
    void runtimeErrorExitsOne() {
        assertThat(run("fail", "--how", "runtime")).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "bramble: address 127.0.0.1:80 is in use");
    }

    @Test
    void unexpectedErrorPointsToDebug() {
        assertThat(run("fail")).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "bramble: unexpected state (run again with --debug for the stack trace)");
    }

    @Test
    void debugShowsTheStackTrace() {
        assertThat(run("fail", "--debug")).isEqualTo(1);
        assertThat(err.toString()).contains("java.lang.IllegalStateException: unexpected state",
                "\tat ");
    }

    @Test
    void versionAndHelpSucceed() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("bramble ").contains("Java 2");
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("Usage: bramble", "Commands:");
    }
}
