package io.bramble.cli.demo;

import io.bramble.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code bramble} command a demo runs against one of its nodes, in the demo's own JVM, as a
 * user would type it there: {@code bramble ARGS... --state-dir DIR}. {@link #SUBMIT} takes the
 * state folder right after its words instead, since it hands what follows to the application.
 */
final class DemoCli {
    /** What the command wrote and how it ended. */
    record Result(int exit, String out, String err) {
        /** Its output and errors, each line indented for the console. */
        Stream<String> lines() {
            return Stream.concat(out.lines(), err.lines()).map(text -> "  " + text);
        }
    }

    /** The words of the command that takes the state folder first. */
    static final List<String> SUBMIT = List.of("compute", "submit");

    private DemoCli() {
    }

    /** Runs {@code args} against the node whose state folder is {@code stateDir}. */
    static Result run(Path stateDir, String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        int at = line.size() >= 2 && line.subList(0, 2).equals(SUBMIT) ? 2 : line.size();
        line.addAll(at, List.of("--state-dir", stateDir.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(line.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Shows {@code $ bramble ARGS}, runs it and shows what it wrote; true when it succeeded. */
    static boolean show(Console console, Path stateDir, String... args) {
        console.line("$ bramble " + String.join(" ", args));
        Result result = run(stateDir, args);
        result.lines().forEach(console::line);
        return result.exit() == 0;
    }
}
