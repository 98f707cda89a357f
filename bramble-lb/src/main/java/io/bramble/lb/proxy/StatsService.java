package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.StatsConfig;
import io.bramble.lb.config.StatsCredential;
import io.bramble.lb.stats.AdminCommand;
import io.bramble.lb.stats.StatsCsv;
import io.bramble.lb.stats.StatsHtml;
import io.bramble.lb.stats.StatsPrometheus;
import io.bramble.lb.stats.StatsProxy;
import io.bramble.lb.stats.StatsReport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The stats endpoint of one proxy: {@code stats uri} (a path prefix, as in HAProxy) serves
 * the HTML page, {@code ;csv} the CSV, {@code ;prometheus} or {@code .../metrics} the
 * Prometheus text; behind basic auth when {@code stats auth} is set; with {@code stats admin}
 * a POST changes servers' admin states.
 */
final class StatsService {
    private final StatsConfig config;
    private final CompiledCondition admin;
    private final Supplier<List<StatsProxy>> proxies;
    private final Function<String, Backend> backends;
    private final String nodeName;
    private final String version;
    private final Clock clock;
    private final long startNanos;
    private final List<String> acceptedAuthorizations;

    StatsService(StatsConfig config, CompiledCondition admin, Supplier<List<StatsProxy>> proxies,
            Function<String, Backend> backends, String nodeName, String version, Clock clock) {
        this.config = config;
        this.admin = admin;
        this.proxies = proxies;
        this.backends = backends;
        this.nodeName = nodeName;
        this.version = version;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.acceptedAuthorizations = config.credentials().stream()
                .map(StatsService::basic).toList();
    }

    /** True when the request is for the stats page. */
    boolean matches(String uri) {
        return uri.startsWith(config.uri());
    }

    /** True when a POST's body is needed ({@link #respond} then gets it). */
    boolean wantsBody(RequestView request) {
        return request.request().method().equals(HttpMethod.POST) && admin.test(request);
    }

    /** The response to a stats request; {@code body} is the form body of a POST, or null. */
    FullHttpResponse respond(RequestView request, String body) {
        if (!authorized(request)) {
            FullHttpResponse denied = text(HttpResponseStatus.UNAUTHORIZED, "text/html",
                    "<html><body><h1>401 Unauthorized</h1>\nYou need a valid user and password"
                            + " to access this content.\n</body></html>\n");
            denied.headers().set(HttpHeaderNames.WWW_AUTHENTICATE,
                    "Basic realm=\"" + config.realm().replace("\"", "") + "\"");
            return denied;
        }
        boolean adminAllowed = admin.test(request);
        String uri = request.uri();
        if (body != null && adminAllowed) {
            return applyAdmin(body);
        }
        StatsReport report = report(adminAllowed);
        if (uri.contains(StatsConfig.CSV_SUFFIX)) {
            return text(HttpResponseStatus.OK, "text/plain; charset=utf-8",
                    StatsCsv.render(report, clock.nanoTime()));
        }
        if (uri.contains(";prometheus") || RequestView.pathOf(uri).endsWith("/metrics")) {
            return text(HttpResponseStatus.OK, StatsPrometheus.CONTENT_TYPE,
                    StatsPrometheus.render(report));
        }
        String message = uri.contains(";st=DONE")
                ? "Action processed successfully."
                : uri.contains(";st=NONE") ? "Nothing has changed." : "";
        return text(HttpResponseStatus.OK, "text/html; charset=utf-8",
                StatsHtml.render(report, config.uri(), message));
    }

    private FullHttpResponse applyAdmin(String body) {
        Optional<AdminCommand> command = AdminCommand.parse(body);
        String state = "NONE";
        if (command.isPresent()) {
            Backend backend = backends.apply(command.get().backend());
            if (backend != null) {
                for (String name : command.get().servers()) {
                    Server server = backend.server(name);
                    if (server != null) {
                        server.setAdmin(command.get().target());
                        state = "DONE";
                    }
                }
            }
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.SEE_OTHER);
        response.headers().set(HttpHeaderNames.LOCATION, config.uri() + ";st=" + state);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    private StatsReport report(boolean adminAllowed) {
        long uptimeS = (clock.nanoTime() - startNanos) / 1_000_000_000L;
        String shownVersion = config.hideVersion() ? "" : version;
        String node = config.showNodeName().orElse(nodeName);
        return new StatsReport(proxies.get(), node, shownVersion, ProcessHandle.current().pid(),
                uptimeS, config.refreshMs() / 1000, config.showNode(), adminAllowed,
                config.description());
    }

    private boolean authorized(RequestView request) {
        if (acceptedAuthorizations.isEmpty()) {
            return true;
        }
        String given = request.request().headers().get(HttpHeaderNames.AUTHORIZATION);
        if (given == null) {
            return false;
        }
        for (String accepted : acceptedAuthorizations) {
            if (java.security.MessageDigest.isEqual(accepted.getBytes(StandardCharsets.UTF_8),
                    given.strip().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static String basic(StatsCredential credential) {
        String pair = credential.user() + ":" + credential.password();
        return "Basic " + Base64.getEncoder().encodeToString(
                pair.getBytes(StandardCharsets.UTF_8));
    }

    /** A complete response with {@code text} as its body, never cached. */
    static FullHttpResponse text(HttpResponseStatus status, String type, String text) {
        ByteBuf body = Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }
}
