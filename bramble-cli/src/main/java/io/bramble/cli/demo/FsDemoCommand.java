package io.bramble.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bramble demo fs}: seed 001's replicated volume, played on this machine. */
@Command(
        name = "fs",
        description = {
                "Build seed 001's replicated volume on this machine and take one of its",
                "nodes away, as the seed's redundancy test does.",
                "",
                "Starts three bramble nodes on loopback addresses (node1 127.0.4.121, node2",
                ".122 and a witness .123, which gives the two a majority), makes the volume",
                "('volume create gv0 replica 2 ... force', 'volume start gv0') and mounts it",
                "(bramble mount 127.0.4.121:/gv0). A client writes the date to test1 and",
                "reads it back every 200 ms; a line a second shows what it saw. Then node 2",
                "is killed (kill -9) and, 2 s later, started again.",
                "",
                "At the end: the client's writes that worked and failed, the longest gap",
                "between two that worked, and what each brick holds. Exit code 0 when no",
                "write failed and node 2's brick took writes again. As root the volume is",
                "mounted with mount(2); as another user with fusermount3 (Debian's fuse3).",
                "Ctrl-C stops everything the demo started and unmounts; nothing outlives it."},
        footer = {"",
                "Examples:",
                "  sudo bramble demo fs",
                "  bramble demo fs --net 127.0.5"})
public final class FsDemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--net",
            paramLabel = "127.X.Y",
            defaultValue = FsDemoLayout.NET_DEFAULT,
            description = "The 127.X.Y.0/24 to use; ${DEFAULT-VALUE} by default.")
    private String net;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = {"Where the nodes' state, the bricks, the mount point and",
                    "the logs go; a temporary folder by default, removed at",
                    "the end unless something did not behave."})
    private Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        FsDemoLayout.of(net, Path.of("."));
        return PlayedDemo.run("fs", dir, spec.commandLine().getOut(),
                (folder, console, clock) -> new FsDemo(FsDemoLayout.of(net, folder),
                        FuseAccess.ofThisProcess(), console, clock));
    }
}
