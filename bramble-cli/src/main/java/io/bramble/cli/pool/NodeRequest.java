package io.bramble.cli.pool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A client command that the local node (or {@code --remote-host}) runs: each subcommand only
 * says which words to send, and which question to ask first if any; the answer is printed as
 * the node wrote it.
 */
public abstract class NodeRequest implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;
    @Mixin
    ClientOptions client;

    /** The command line the node runs, in the gluster grammar. */
    protected abstract List<String> words();

    /**
     * The question to ask before sending, as Gluster asks it (without {@code (y/n)}); none by
     * default. {@code --mode=script} skips it.
     */
    protected Optional<String> question() {
        return Optional.empty();
    }

    /** The questions to ask before sending, in order; {@link #question()} by default. */
    protected List<String> questions() {
        return question().stream().toList();
    }

    /**
     * What a "no" does, once printed what it prints: Gluster does nothing and exits 0 by
     * default.
     */
    protected int declined(PrintWriter err) {
        return 0; // as Gluster: nothing done, nothing printed, not a failure
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> words = words();
        List<String> questions = client.scriptMode() ? List.of() : questions();
        BufferedReader in = questions.isEmpty()
                ? null
                : new BufferedReader(
                        new InputStreamReader(System.in, Charset.defaultCharset()));
        for (String question : questions) {
            switch (Prompt.ask(question, in, out)) {
                case YES -> {
                    // go on
                }
                case NO -> {
                    return declined(err);
                }
                case NO_INPUT -> {
                    err.println(String.join(" ", words.subList(0, 2)) + ": no answer on"
                            + " standard input; nothing done (add --mode=script to skip the"
                            + " question)");
                    err.flush();
                    return 1;
                }
            }
        }
        return client.send(words, out, err);
    }
}
