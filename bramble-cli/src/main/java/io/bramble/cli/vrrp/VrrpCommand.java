package io.bramble.cli.vrrp;

import io.bramble.cli.metrics.MetricsPage;
import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lvs.config.KeepalivedFile;
import io.bramble.lvs.config.LvsConfig;
import io.bramble.lvs.nat.DirectorLimits;
import io.bramble.lvs.runtime.LvsRuntime;
import io.bramble.web.server.WebServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import io.bramble.vrrp.config.VrrpConfig;
import io.bramble.vrrp.service.Backend;
import io.bramble.vrrp.service.ServiceOptions;
import io.bramble.vrrp.service.VrrpService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bramble vrrp -f keepalived.conf}: runs the file's VRRP instances until stopped, as
 * keepalived's VRRP process does; {@code -c} only checks the file.
 */
@Command(
        name = "vrrp",
        description = {
                "Virtual-IP failover with VRRP, configured with keepalived.conf.",
                "",
                "Runs the vrrp_instance blocks of the file: the node with the highest priority",
                "holds the virtual addresses and the others take over when it stops answering.",
                "Reads global_defs, vrrp_script, vrrp_instance and vrrp_sync_group; other",
                "keepalived keywords are refused with FILE:LINE (see docs/vrrp.md).",
                "virtual_server blocks are directed by NAT, DR or TUN in user space, with",
                "their checkers (see docs/lvs.md); 'bramble lvs status' lists them and",
                "--metrics serves their Prometheus metrics.",
                "",
                "Defaults differ from keepalived's for fast failover: VRRP version 3 with",
                "adverts every 0.1 s, so a silent master is replaced in about 0.4 s. To run",
                "next to a stock keepalived, set the same 'vrrp_version' and 'advert_int' on",
                "both (keepalived's own defaults are 'vrrp_version 2' and 'advert_int 1')."},
        footer = {"",
                "Runs until stopped with Ctrl-C or SIGTERM; on stop it hands the addresses",
                "over at once (priority 0). Examples:",
                "  bramble vrrp -f /etc/keepalived/keepalived.conf",
                "  bramble vrrp -c -f keepalived.conf",
                "  bramble vrrp --backend loopback -f demo.conf    (one machine, no root)"})
public final class VrrpCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = {"-f", "--use-file"},
            paramLabel = "FILE",
            defaultValue = "/etc/keepalived/keepalived.conf",
            description = {"The keepalived.conf to run; ${DEFAULT-VALUE}",
                    "by default, as for keepalived."})
    private Path file;

    @Option(
            names = {"-c", "--check"},
            description = "Only check the file: print its errors and warnings, and exit.")
    private boolean check;

    @Option(
            names = {"-i", "--config-id"},
            paramLabel = "ID",
            description = {"Read the lines marked @ID (and not those marked @^ID),",
                    "as keepalived's -i does; by default the host name up to",
                    "its first dot."})
    private String configId;

    @Option(
            names = "--backend",
            paramLabel = "linux|loopback",
            defaultValue = "linux",
            description = {"linux (the default): adverts over IP protocol 112 and",
                    "addresses on real interfaces; needs root.",
                    "loopback: one machine without root; virtual addresses",
                    "are 127.x and every instance needs unicast_src_ip and",
                    "unicast_peer with 127.x addresses."})
    private String backend;

    @Option(
            names = "--loopback-port",
            paramLabel = "PORT",
            defaultValue = "5798",
            description = "UDP port of the loopback backend's adverts; ${DEFAULT-VALUE}.")
    private int loopbackPort;

    @Option(
            names = "--lvs-socket",
            paramLabel = "PATH",
            defaultValue = LvsRuntime.DEFAULT_STATUS_SOCKET,
            description = {"Where 'bramble lvs status' asks for the virtual server",
                    "table; ${DEFAULT-VALUE} by default."})
    private Path lvsSocket;

    @Option(
            names = "--metrics",
            paramLabel = "ADDR:PORT",
            description = {"Serve Prometheus metrics of the virtual servers at",
                    "http://ADDR:PORT/metrics (plain HTTP, no password:",
                    "choose a private address); off by default."})
    private String metrics;

    /** The metrics page while it is served. */
    private volatile WebServer metricsServer;

    @Override
    public Integer call() throws InterruptedException {
        Backend chosen = backend(backend);
        if (!Files.isRegularFile(file)) {
            throw UserError.usage(file + ": config file not found (give one with -f FILE)");
        }
        KeepalivedConfigParser parser = configId != null
                ? new KeepalivedConfigParser(configId)
                : KeepalivedConfigParser.forThisHost();
        PrintWriter err = spec.commandLine().getErr();
        KeepalivedFile read = read(parser, err);
        VrrpConfig config = read.vrrp();
        Optional<InetSocketAddress> metricsAddress = MetricsPage.address(metrics);
        if (metricsAddress.isPresent() && read.lvs().virtualServers().isEmpty()) {
            throw UserError.usage("--metrics: " + file + " has no virtual_server; the metrics"
                    + " are those of the virtual servers, so leave --metrics out");
        }
        for (Diagnostic warning : config.warnings()) {
            err.println(warning);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            out.println(CheckSummary.valid(file.toString(), config.instances().size(),
                    read.lvs().virtualServers().size(), config.warnings()));
            out.flush();
            return 0;
        }
        LvsRuntime lvs = startLvs(read.lvs(), out, metricsAddress);
        if (config.instances().isEmpty() && lvs != null) {
            awaitStop(lvs);
            return 0;
        }
        VrrpService service = VrrpService.create(config, new ServiceOptions(chosen,
                loopbackPort, line -> print(out, line)));
        service.start();
        Thread stopper = new Thread(() -> {
            service.stop();
            closeLvs(lvs);
        }, "bramble-vrrp-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            service.awaitStopped();
        } catch (InterruptedException e) {
            service.stop();
            Thread.currentThread().interrupt();
        }
        closeLvs(lvs);
        if (service.failure() != null) {
            throw UserError.runtime("VRRP stopped on an internal error: " + service.failure(),
                    service.failure());
        }
        return 0;
    }

    /** The virtual servers directed in user space, or null when the file has none. */
    private LvsRuntime startLvs(LvsConfig config, PrintWriter out,
            Optional<InetSocketAddress> metricsAddress) throws InterruptedException {
        if (config.virtualServers().isEmpty()) {
            return null;
        }
        LvsRuntime lvs = new LvsRuntime(config, Clock.system(), line -> print(out, line));
        try {
            lvs.start(Clock.system(), DirectorLimits.DEFAULT);
            lvs.openStatus(lvsSocket).ifPresent(problem -> print(out, "lvs status socket "
                    + lvsSocket + ": " + problem + "; 'bramble lvs status' will not answer"));
            if (metricsAddress.isPresent()) {
                metricsServer = MetricsPage.serve(metricsAddress.get(), lvs::metrics);
                print(out, "metrics on " + MetricsPage.url(metricsServer));
            }
        } catch (IOException e) {
            lvs.close();
            throw UserError.runtime("cannot direct the virtual servers: " + e.getMessage(), e);
        } catch (UserError e) {
            lvs.close();
            throw e;
        }
        return lvs;
    }

    private void awaitStop(LvsRuntime lvs) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeLvs(lvs);
            stopped.countDown();
        }, "bramble-lvs-stop"));
        stopped.await();
    }

    private void closeLvs(LvsRuntime lvs) {
        WebServer page = metricsServer;
        if (page != null) {
            page.stop();
        }
        if (lvs != null) {
            lvs.close();
        }
    }

    /** The file's model; when it has errors, every message, warnings too, then the counts. */
    private KeepalivedFile read(KeepalivedConfigParser parser, PrintWriter err) {
        try {
            return KeepalivedFile.read(parser, file);
        } catch (ConfigException e) {
            e.diagnostics().forEach(err::println);
            err.flush();
            throw UserError.usage(CheckSummary.invalid(file.toString(), e.diagnostics()));
        }
    }

    private static synchronized void print(PrintWriter out, String line) {
        out.println(LocalTime.now().format(TIME) + " " + line);
        out.flush();
    }

    private static Backend backend(String name) {
        return switch (name) {
            case "linux" -> Backend.LINUX;
            case "loopback" -> Backend.LOOPBACK;
            default -> throw UserError.usage("--backend '" + name
                    + "': expected linux or loopback");
        };
    }
}
