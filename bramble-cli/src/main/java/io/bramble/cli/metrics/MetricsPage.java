package io.bramble.cli.metrics;

import io.bramble.common.error.UserError;
import io.bramble.common.metrics.PrometheusText;
import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.web.http.TextPageHandler;
import io.bramble.web.server.WebServer;
import io.bramble.web.server.WebServerConfig;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Prometheus metrics at {@code http://ADDR:PORT/metrics}, plain HTTP, as {@code --metrics}
 * asks for them: the option's address checked with a usage error that says what to write, and
 * a small page server for the scrapers.
 */
public final class MetricsPage {
    /** Scrapers served at once; more wait in the listen backlog. */
    static final int CONNECTIONS_MAX = 16;

    private MetricsPage() {
    }

    /** Where {@code --metrics} asks for the page; empty when the option is not given. */
    public static Optional<InetSocketAddress> address(String option) {
        if (option == null) {
            return Optional.empty();
        }
        try {
            Optional<HostPort> parsed = HostPort.tryParse(option.strip());
            if (parsed.isEmpty()) {
                throw UserError.usage("--metrics '" + option + "': expected ADDR:PORT such as"
                        + " 127.0.0.1:9713 or *:9713");
            }
            return Optional.of(parsed.get().resolve());
        } catch (UnknownHostException e) {
            throw UserError.usage("--metrics '" + option + "': no such address");
        }
    }

    /** Serves {@code text} at {@code /metrics} on {@code address}; returns the server. */
    public static WebServer serve(InetSocketAddress address, Supplier<String> text) {
        return WebServer.startPages(WebServerConfig.pages(address, CONNECTIONS_MAX),
                () -> new TextPageHandler("/metrics", PrometheusText.CONTENT_TYPE, text,
                        Clock.system()));
    }

    /** The page's address as a log line shows it. */
    public static String url(WebServer server) {
        return "http://" + WebServer.show(server.boundAddress()) + "/metrics";
    }
}
