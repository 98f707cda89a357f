package io.bramble.lb.proxy;

import io.bramble.lb.config.HttpConnectionMode;
import io.bramble.lb.stats.AdminCommand;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import java.nio.charset.StandardCharsets;

/**
 * Answers the load balancer gives without a server: what an http-request rule decided (a
 * deny, a redirect), 503 when no backend applies, and the stats page. The answer goes out
 * once the request has been read to its end.
 */
final class LocalAnswers {
    private LocalAnswers() {
    }

    /**
     * Records the answer as the exchange's, counted and with the termination state HAProxy
     * gives it (see {@link RuleAnswer}).
     */
    static void rule(Exchange current, RuleAnswer answer, Frontend frontend,
            Backend backend) {
        if (answer.denied()) {
            frontend.counters.deniedRequests.increment();
            if (backend != null) {
                backend.counters.deniedRequests.increment();
            }
        }
        if (!answer.termination().equals("----")) {
            current.termination = answer.termination();
        }
        current.localResponse = answer.response();
    }

    /** Keeps the body of a stats request (admin commands), up to its bound; drops others. */
    static void collectBody(Exchange current, HttpContent content) {
        StringBuilder body = current.statsBody;
        if (body != null) {
            int bytes = content.content().readableBytes();
            if (body.length() + bytes > AdminCommand.BODY_BYTES_MAX) {
                current.statsBody = null;
            } else {
                body.append(content.content().toString(StandardCharsets.ISO_8859_1));
            }
        }
        content.release();
    }

    /** The response to a request read to its end, ready to be written. */
    static FullHttpResponse respond(Exchange current, Frontend frontend) {
        FullHttpResponse response = current.localResponse;
        if (response == null) {
            String body = current.statsBody == null ? null : current.statsBody.toString();
            response = current.statsPage.respond(current.view, body);
        }
        int status = response.status().code();
        HttpConnectionMode mode = frontend.config.connectionMode();
        current.clientKeepAlive = KeepAlive.forClient(mode, current.request, false)
                && status != 400;
        KeepAlive.towardClient(response, current);
        current.status = status;
        current.responseStarted = true;
        return response;
    }
}
