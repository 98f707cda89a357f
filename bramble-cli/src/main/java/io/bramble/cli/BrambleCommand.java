package io.bramble.cli;

import io.bramble.cli.demo.DemoCommand;
import io.bramble.cli.fs.VolumeCommand;
import io.bramble.cli.lb.LbCommand;
import io.bramble.cli.pool.NodeCommand;
import io.bramble.cli.pool.PeerCommand;
import io.bramble.cli.pool.PoolCommand;
import io.bramble.cli.vrrp.VrrpCommand;
import io.bramble.cli.web.WebCommand;
import io.bramble.common.error.UserError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command tree; each capability adds its subcommands here. */
@Command(
        name = "bramble",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "One tool on every node of a small Linux cluster: a load balancer,",
                "virtual-IP failover, the trusted pool and its volumes, and more as they",
                "arrive.",
                "Called as 'gluster' (a link to bramble), it takes gluster's command lines;",
                "called as 'pcs', pcs's."},
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                WebCommand.class,
                LbCommand.class,
                VrrpCommand.class,
                io.bramble.cli.lvs.LvsCommand.class,
                NodeCommand.class,
                PeerCommand.class,
                PoolCommand.class,
                VolumeCommand.class,
                io.bramble.cli.fs.MountCommand.class,
                io.bramble.cli.cluster.ClusterCommand.class,
                io.bramble.cli.cluster.ResourceCommand.class,
                io.bramble.cli.cluster.ConstraintCommand.class,
                io.bramble.cli.cluster.PropertyCommand.class,
                io.bramble.cli.cluster.StonithCommand.class,
                io.bramble.cli.cluster.StatusCommand.class,
                io.bramble.cli.cluster.QuorumCommand.class,
                PcsCommand.class,
                io.bramble.cli.compute.ComputeCommand.class,
                io.bramble.cli.install.InstallCommand.class},
        footer = {"",
                "Run 'bramble help COMMAND' for a command's options. Exit codes: 0 ok,",
                "1 failure at run time, 2 usage or configuration error.%n"})
public final class BrambleCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private DebugOption debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command");
    }

    /**
     * Runs {@code args}. A word that names no command is a usage error whatever stands around
     * it (see {@link UnknownCommand}): picocli would otherwise let a {@code --help} print the
     * help of the command above it and exit 0.
     */
    static int execute(CommandLine line, String[] args) {
        var unknown = UnknownCommand.in(line, args);
        if (unknown.isPresent()) {
            line.getErr().println(unknown.get().message());
            line.getErr().flush();
            return UserError.EXIT_USAGE;
        }
        return line.execute(args);
    }

    /** A configured command line that prints to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new BrambleCommand());
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler(new ErrorReporter());
        line.setExecutionExceptionHandler(new ErrorReporter());
        return line;
    }
}
