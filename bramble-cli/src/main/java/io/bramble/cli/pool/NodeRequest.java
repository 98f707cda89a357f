package io.bramble.cli.pool;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A client command that the local node (or {@code --remote-host}) runs: each subcommand only
 * says which words to send; the answer is printed as the node wrote it.
 */
abstract class NodeRequest implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ClientOptions client;

    /** The command line the node runs, in the gluster grammar. */
    abstract List<String> words();

    @Override
    public final Integer call() {
        return client.send(words(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
