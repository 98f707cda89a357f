package io.bramble.cli;

import io.bramble.cli.cluster.PcsGrammar;
import io.bramble.common.error.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code bramble pcs …}: pcs's command lines, run as bramble's words ({@link PcsGrammar}). */
@Command(
        name = "pcs",
        description = {
                "Run a pcs command line: 'bramble pcs status', 'bramble pcs resource create",
                "...', or 'pcs ...' through a link named pcs. 'host auth' is 'cluster auth',",
                "'node standby' is 'cluster standby', and -f FILE may come first, as pcs",
                "takes it."},
        footer = {"",
                "Examples:",
                "  bramble pcs host auth web1 web2 -u hacluster",
                "  bramble pcs cluster setup webapp web1 web2 --start",
                "  bramble pcs resource move WebApp web2",
                "  ln -s /usr/bin/bramble /usr/local/bin/pcs"})
public final class PcsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** pcs's words, which picocli does not know; read as typed. */
    @Unmatched
    private List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> typed = spec.commandLine().getParseResult().originalArgs();
        int at = typed.indexOf("pcs");
        List<String> pcs = at < 0 ? words : typed.subList(at + 1, typed.size());
        if (pcs.equals(List.of("-h")) || pcs.equals(List.of("--help"))) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        String[] line;
        try {
            line = PcsGrammar.translate(pcs);
        } catch (UserError e) {
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return e.exitCode();
        }
        return BrambleCommand.execute(BrambleCommand.commandLine(spec.commandLine().getOut(),
                spec.commandLine().getErr()), line);
    }
}
