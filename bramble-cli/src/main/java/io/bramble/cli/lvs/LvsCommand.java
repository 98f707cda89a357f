package io.bramble.cli.lvs;

import picocli.CommandLine.Command;

/** {@code bramble lvs}: what keepalived's LVS users ask ipvsadm. */
@Command(
        name = "lvs",
        description = {"The layer-4 virtual servers a 'bramble vrrp -f keepalived.conf'",
                "directs (its virtual_server blocks; see docs/lvs.md)."},
        subcommands = {LvsStatusCommand.class})
public final class LvsCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
