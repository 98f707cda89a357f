package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster cib-push FILE [--config]}: pcs's {@code cluster cib-push}. */
@Command(
        name = "cib-push",
        description = {
                "Replace the live cluster's CIB with FILE's, as 'pcs cluster cib-push FILE'",
                "does: only when FILE's epoch is newer, and only when bramble runs",
                "everything in it (else nothing changes). --config takes FILE's",
                "configuration whatever its epoch."},
        footer = {"", "Examples:", "  bramble cluster cib web.xml",
                "  bramble resource -f web.xml create d ocf:heartbeat:Dummy",
                "  bramble cluster cib-push web.xml"})
public final class CibPushCommand extends ClusterFileCommand {
}
