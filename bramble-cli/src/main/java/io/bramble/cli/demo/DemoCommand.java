package io.bramble.cli.demo;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bramble demo}: the recipe's highly available website, played on this machine. */
@Command(
        name = "demo",
        subcommands = {FsDemoCommand.class, ClusterDemoCommand.class, ComputeDemoCommand.class},
        description = {
                "Build the Raspberry Pi recipe's highly available website on this machine,",
                "without root, and break it the way the recipe does.",
                "",
                "Starts four bramble processes: web1 and web2 (bramble web, each serving a page",
                "that names it) and lb1 and lb2 (bramble lb with the recipe's haproxy.cfg and,",
                "in the same process, its keepalived.conf: --vrrp, loopback backend). They use",
                "the recipe's addresses inside 127.0.2.0/24: the site on the virtual IP",
                "127.0.2.100, lb1 .101, lb2 .102, web1 .111, web2 .112. A client requests the",
                "page through the virtual IP every 50 ms and a line a second shows which web",
                "server and which balancer answered, and what failed. Then, in order:",
                "",
                "  1. web1 dies: kill -9 web1. lb1 sends every request to web2; its stats page",
                "     shows web1 DOWN.",
                "  2. web1 comes back: web1 starts again; once lb1's health checks pass, web1",
                "     and web2 take turns again.",
                "  3. lb1 dies: kill -9 lb1. lb2 stops hearing lb1's VRRP adverts, takes the",
                "     virtual IP and answers; the failed requests of the gap are counted.",
                "  4. lb1 comes back: lb1 starts again. It takes the virtual IP back (its",
                "     priority is higher) only once its own health checks passed, and lb2",
                "     keeps listening a moment longer: no request may fail.",
                "",
                "Each step says how long the change took as the client saw it and how many",
                "requests failed. Exit code 0 when every step behaved. Ctrl-C stops",
                "everything the demo started; nothing outlives it."},
        footer = {"",
                "Examples:",
                "  bramble demo",
                "  bramble demo --keep-running      then open http://127.0.2.100:8080/",
                "  bramble demo --base-port 9080 --net 127.0.3",
                "  bramble demo fs                   seed 001's replicated volume instead",
                "  bramble demo cluster              seed 003's web cluster instead",
                "  bramble demo compute              seed 000's Spark cluster and Pi job instead"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--quick",
            description = "Shorter pauses between the steps (for tests).")
    private boolean quick;

    @Option(
            names = "--keep-running",
            description = {"Leave the site running after the steps, for a browser,",
                    "until Ctrl-C."})
    private boolean keepRunning;

    @Option(
            names = "--base-port",
            paramLabel = "PORT",
            defaultValue = "" + DemoLayout.BASE_PORT_DEFAULT,
            description = {"Port of the site and the web servers; the stats pages",
                    "are on PORT + 800, VRRP on UDP PORT + 1. ${DEFAULT-VALUE}",
                    "by default."})
    private int basePort;

    @Option(
            names = "--net",
            paramLabel = "127.X.Y",
            defaultValue = DemoLayout.NET_DEFAULT,
            description = "The 127.X.Y.0/24 to use; ${DEFAULT-VALUE} by default.")
    private String net;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = {"Where to write the configuration files and logs; a",
                    "temporary folder by default, removed at the end",
                    "unless a step did not behave."})
    private Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        DemoLayout layout = DemoLayout.of(net, basePort);
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path folder = temporary ? Files.createTempDirectory("bramble-demo-") : folder(dir);
        Clock clock = Clock.system();
        Console console = new Console(out, clock);
        Demo demo = new Demo(layout, folder, quick, console, clock);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            demo.stop();
            if (temporary && !demo.failed()) {
                DemoFolders.delete(folder);
            }
            done.countDown();
        }, "bramble-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean behaved = false;
        try {
            behaved = demo.play();
            if (keepRunning) {
                console.blank();
                console.line("The site stays up at " + layout.siteUrl());
                console.line("with the stats pages at " + layout.statsUrl(1) + " and "
                        + layout.statsUrl(2) + ". Press Ctrl-C to stop it.");
                done.await();
            }
        } finally {
            demo.stop();
            if (temporary && !demo.failed()) {
                DemoFolders.delete(folder);
            }
        }
        return behaved ? 0 : UserError.EXIT_RUNTIME;
    }

    private static Path folder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw UserError.usage("--dir " + dir + ": not a folder");
        }
        return Files.createDirectories(dir);
    }
}
