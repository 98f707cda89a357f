package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble resource -f FILE …}: {@code pcs -f FILE resource …}. */
@Command(
        name = "resource",
        description = {
                "Resources in pcs's words on the live cluster (or a CIB file with -f FILE): create,",
                "update, delete, meta, op add, op delete, enable, disable, group add|remove,",
                "config, [op] defaults update."},
        footer = {
                "",
                "Example:",
                "  bramble resource -f cib.xml create VirtualIP ocf:heartbeat:IPaddr2 \\",
                "      ip=192.168.0.120 cidr_netmask=24 op monitor interval=30s"})
public final class ResourceCommand extends PcsGrammarCommand {
}
