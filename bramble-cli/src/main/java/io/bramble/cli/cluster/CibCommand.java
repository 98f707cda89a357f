package io.bramble.cli.cluster;

import picocli.CommandLine.Command;

/** {@code bramble cluster cib [FILE]}: pcs's {@code cluster cib}, the live CIB as XML. */
@Command(
        name = "cib",
        description = {
                "The live cluster's CIB as XML, printed or written to FILE, as 'pcs cluster",
                "cib [FILE]' gives it: edit the copy with -f FILE, then push it back with",
                "'bramble cluster cib-push FILE'."},
        footer = {"", "Example:", "  bramble cluster cib web.xml"})
public final class CibCommand extends ClusterFileCommand {
}
