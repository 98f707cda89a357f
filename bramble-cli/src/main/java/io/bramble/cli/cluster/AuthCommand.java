package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster auth}: pcs's {@code host auth} on the live cluster. */
@Command(
        name = "auth",
        description = {
                "Authorize hosts as 'pcs host auth HOST... -u hacluster' does: a host is authorized",
                "once it is a member of this node's pool; one that is not is probed (peer probe),",
                "the pool's join secret standing in for hacluster's password."},
        footer = {"", "Example:", "  bramble cluster auth web1 web2 -u hacluster"})
public class AuthCommand extends ClusterVerbCommand {
}
