package io.bramble.cli.cluster;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bramble cluster …}: the resource manager's commands. */
@Command(
        name = "cluster",
        description = {"The resource manager: Pacemaker's model, with pcs's words."},
        subcommands = {SimulateCommand.class, StatusCommand.class, StandbyCommand.class,
                UnstandbyCommand.class, AuthCommand.class, SetupCommand.class,
                StartCommand.class, StopCommand.class, ConfigCommand.class,
                DestroyCommand.class, CibCommand.class, CibPushCommand.class,
                ImportHeartbeatCommand.class})
public final class ClusterCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help.")
    private boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: try 'bramble cluster simulate -x CIB.xml -S'");
    }
}
