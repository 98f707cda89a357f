package io.bramble.cli.web;

import io.bramble.common.error.UserError;
import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.web.log.AccessLog;
import io.bramble.web.server.WebServer;
import io.bramble.web.server.WebServerConfig;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bramble web}: serves a directory until stopped (SIGTERM, SIGINT or an interrupt of
 * the calling thread), writing one access-log line per request to standard output.
 */
@Command(
        name = "web",
        description = {
                "Serve a directory over HTTP, as a stand-in for a small Apache.",
                "",
                "Answers GET and HEAD with keep-alive, serves index.html for directories, and",
                "gives 404, 403 and 405 where Apache would. Writes one access-log line per",
                "request to standard output, in Apache's combined format."},
        footer = {"",
                "Runs until stopped with Ctrl-C or SIGTERM. Example:",
                "  bramble web --root ./site --bind 0.0.0.0:8080"})
public final class WebCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            defaultValue = ".",
            description = {"Directory to serve; the current directory by default.",
                    "Nothing outside it is served, not even through",
                    "symbolic links."})
    private String root;

    @Option(
            names = "--bind",
            paramLabel = "ADDR:PORT",
            defaultValue = "127.0.0.1:8080",
            description = {"Address and port to listen on; ${DEFAULT-VALUE}",
                    "by default. 0.0.0.0:PORT or *:PORT listens on every",
                    "address, [::1]:PORT on IPv6 loopback."})
    private String bind;

    @Override
    public Integer call() {
        InetSocketAddress address = address(bind);
        Path directory = directory(root);
        PrintWriter out = spec.commandLine().getOut();
        AccessLog accessLog = new AccessLog(out, Clock.system(), ZoneId.systemDefault());
        WebServer server = WebServer.start(WebServerConfig.defaults(directory, address),
                accessLog, Clock.system());
        Thread stopper = new Thread(server::stop, "bramble-web-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("serving " + server.root() + " on http://" + WebServer.show(server
                .boundAddress()) + "/");
        out.flush();
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            server.stop();
            forget(stopper);
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Drops the hook of a server already stopped; impossible once the JVM is exiting. */
    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // The hook runs anyway and finds the server stopped.
        }
    }

    private static InetSocketAddress address(String text) {
        HostPort hostPort = HostPort.tryParse(text).orElseThrow(() -> UserError.usage(
                "--bind '" + text + "': expected ADDRESS:PORT such as 127.0.0.1:8080, *:80"
                        + " or [::1]:8080"));
        try {
            return hostPort.resolve();
        } catch (UnknownHostException e) {
            throw UserError.usage("--bind '" + text + "': unknown host '" + hostPort.host()
                    + "'; expected an address of this machine or a name that resolves to one");
        }
    }

    private static Path directory(String text) {
        Path path;
        try {
            path = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw UserError.usage("--root '" + text + "': not a valid path");
        }
        if (!Files.exists(path)) {
            throw UserError.usage("--root '" + text + "': no such directory");
        }
        if (!Files.isDirectory(path)) {
            throw UserError.usage("--root '" + text + "': not a directory");
        }
        return path;
    }
}
