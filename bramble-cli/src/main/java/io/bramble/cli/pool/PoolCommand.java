package io.bramble.cli.pool;

import java.util.List;
import picocli.CommandLine.Command;
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
    static final class ListMembers extends NodeRequest {

        @Override
        protected List<String> words() {
            return List.of("pool", "list");
        }
    }

    @Command(
            name = "set",
            description = {"Set a pool-wide option (needs a majority of the"
                    + " members)."})
    static final class Set extends NodeRequest {
        @Parameters(index = "0", paramLabel = "KEY")
        private String key;
        @Parameters(index = "1", paramLabel = "VALUE")
        private String value;

        @Override
        protected List<String> words() {
            return List.of("pool", "set", key, value);
        }
    }

    @Command(name = "get", description = {"Show pool-wide options, from this node's copy."})
    static final class Get extends NodeRequest {
        @Parameters(arity = "0..1", paramLabel = "KEY")
        private String key;

        @Override
        protected List<String> words() {
            return key == null ? List.of("pool", "get") : List.of("pool", "get", key);
        }
    }
}
