package io.bramble.cli.pool;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bramble peer probe|status|detach}, in the gluster grammar. */
@Command(
        name = "peer",
        description = {"Manage the trusted pool's members, as 'gluster peer' does."},
        subcommands = {PeerCommand.Probe.class, PeerCommand.Status.class,
                PeerCommand.Detach.class},
        footer = {"", "Examples:", "  bramble peer probe gluster2.local", "  bramble peer status",
                "  bramble peer detach gluster4.local force"})
public final class PeerCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing command: probe, status or detach");
    }

    @Command(
            name = "probe",
            description = {
                    "Add HOST to this node's pool (a node in no pool makes one first).",
                    "HOST may be HOST:PORT when its node does not use this node's port."})
    static final class Probe extends NodeRequest {
        @Parameters(paramLabel = "HOST")
        private String host;

        @Override
        protected List<String> words() {
            return List.of("peer", "probe", host);
        }
    }

    @Command(
            name = "status",
            description = {"The other members and whether they are"
                    + " connected."})
    static final class Status extends NodeRequest {

        @Override
        protected List<String> words() {
            return List.of("peer", "status");
        }
    }

    @Command(
            name = "detach",
            description = {"Remove HOST from the pool; 'force' also when it"
                    + " is down."})
    static final class Detach extends NodeRequest {
        @Parameters(index = "0", paramLabel = "HOST")
        private String host;
        @Parameters(index = "1", arity = "0..1", paramLabel = "force")
        private String force;

        @Override
        protected List<String> words() {
            if (force != null && !force.equals("force")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "expected 'force' after the host, got '" + force + "'");
            }
            return force == null
                    ? List.of("peer", "detach", host)
                    : List.of("peer", "detach", host, "force");
        }
    }
}
