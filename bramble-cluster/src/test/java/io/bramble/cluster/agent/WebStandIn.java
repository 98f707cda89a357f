package io.bramble.cluster.agent;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.web.log.AccessLog;
import io.bramble.web.server.WebServer;
import io.bramble.web.server.WebServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code bramble web --root DIR --bind ADDR:PORT} for tests of ocf:bramble:web: the same
 * server and start-up line as the command, without the CLI module, which depends on this one.
 */
public final class WebStandIn {
    private WebStandIn() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[1]).toAbsolutePath();
        var address = HostPort.tryParse(args[3]).orElseThrow().resolve();
        PrintWriter out = new PrintWriter(System.out, true);
        WebServer server = WebServer.start(WebServerConfig.defaults(root, address),
                new AccessLog(out, Clock.system(), ZoneId.systemDefault()), Clock.system());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        out.println("serving " + server.root() + " on http://"
                + WebServer.show(server.boundAddress()) + "/");
        server.awaitStop();
    }
}
