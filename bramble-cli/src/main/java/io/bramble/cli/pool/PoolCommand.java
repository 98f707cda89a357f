package io.bramble.cli.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bramble pool list|set|get}. */
@Command(
        name = "pool",
        description = {"The trusted pool as a whole: its members, and pool-wide options."},
        subcommands = {PoolCommand.ListMembers.class, PoolCommand.Set.class,
                PoolCommand.Get.class})
public final class PoolCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing command: list, set or get");
    }

    @Command(
            name = "list",
            description = {"Every member, this node as 'localhost', as"
                    + " 'gluster pool list' shows them."})
    static final class ListMembers implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ClientOptions client;

        @Override
        public Integer call() {
            return client.send(List.of("pool", "list"), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    @Command(
            name = "set",
            description = {"Set a pool-wide option (needs a majority of the"
                    + " members)."})
    static final class Set implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ClientOptions client;
        @Parameters(index = "0", paramLabel = "KEY")
        private String key;
        @Parameters(index = "1", paramLabel = "VALUE")
        private String value;

        @Override
        public Integer call() {
            return client.send(List.of("pool", "set", key, value), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    @Command(name = "get", description = {"Show pool-wide options, from this node's copy."})
    static final class Get implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private ClientOptions client;
        @Parameters(arity = "0..1", paramLabel = "KEY")
        private String key;

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of("pool", "get"));
            if (key != null) {
                args.add(key);
            }
            return client.send(args, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
