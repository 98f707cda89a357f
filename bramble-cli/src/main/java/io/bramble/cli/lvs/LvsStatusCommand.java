package io.bramble.cli.lvs;

import io.bramble.common.error.UserError;
import io.bramble.lvs.runtime.LvsRuntime;
import io.bramble.lvs.status.StatusSocket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bramble lvs status}: the running director's table, as {@code ipvsadm -Ln}. */
@Command(
        name = "status",
        description = {"The virtual server table of the running 'bramble vrrp', in",
                "ipvsadm -Ln's layout (addresses are always numeric)."})
public final class LvsStatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--socket",
            paramLabel = "PATH",
            defaultValue = LvsRuntime.DEFAULT_STATUS_SOCKET,
            description = "The director's status socket (its --lvs-socket); ${DEFAULT-VALUE}.")
    private Path socket;

    @Override
    public Integer call() {
        String status;
        try {
            status = StatusSocket.fetch(socket);
        } catch (IOException e) {
            throw UserError.usage(socket + ": no running director answers ("
                    + e.getMessage() + "); start one with 'bramble vrrp -f keepalived.conf'");
        }
        spec.commandLine().getOut().print(status);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
