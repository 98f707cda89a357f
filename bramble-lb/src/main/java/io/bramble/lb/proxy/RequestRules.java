package io.bramble.lb.proxy;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.HttpRequestAction;
import io.bramble.lb.config.HttpRequestRule;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.RedirectRule;
import io.bramble.lb.format.RequestTarget;
import io.bramble.lb.format.ValueTooLongException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * A proxy's {@code http-request} rules, then its {@code redirect} rules, in file order: header
 * and path edits apply in place; a deny, redirect, auth or return ends the evaluation with a
 * response to send. A
 * value that renders longer than a whole request head ends the request with 500, as HAProxy
 * answers a rewrite that does not fit its buffer.
 */
final class RequestRules {
    /** Longest value a rule may render: a whole request head, as HAProxy's buffer bounds it. */
    static final int VALUE_CHARS_MAX = HttpLimits.HEADER_BYTES_MAX;

    private record Rule(HttpRequestAction action, CompiledCondition condition) {}

    private record Redirect(RedirectRule rule, CompiledCondition condition) {}

    private final List<Rule> rules;
    private final List<Redirect> redirects;

    RequestRules(ProxyConfig config, AclSet acls) {
        this.rules = config.requestRules().stream()
                .map((HttpRequestRule r) -> new Rule(r.action(), acls.compile(r.condition())))
                .toList();
        this.redirects = config.redirects().stream()
                .map(r -> new Redirect(r, acls.compile(r.condition()))).toList();
    }

    boolean isEmpty() { return rules.isEmpty() && redirects.isEmpty(); }

    /**
     * Runs the rules; null to go on, or the response that ends the request here.
     * {@code exporter} gives the answer of {@code use-service prometheus-exporter}.
     */
    FullHttpResponse apply(RequestView request, ErrorPages pages,
            Supplier<FullHttpResponse> exporter) {
        RuleAnswer answer = answer(request, pages, exporter);
        return answer == null ? null : answer.response();
    }

    /** As {@link #apply}, with how the answer is logged and counted. */
    RuleAnswer answer(RequestView request, ErrorPages pages,
            Supplier<FullHttpResponse> exporter) {
        try {
            return run(request, pages, exporter);
        } catch (ValueTooLongException tooLong) {
            return RuleAnswer.failed(pages.response(500));
        }
    }

    private RuleAnswer run(RequestView request, ErrorPages pages,
            Supplier<FullHttpResponse> exporter) {
        HttpHeaders headers = request.request().headers();
        for (Rule rule : rules) {
            if (!rule.condition().test(request)) {
                continue;
            }
            switch (rule.action()) {
                case HttpRequestAction.SetHeader set ->
                    headers.set(set.name(), set.value().render(request, VALUE_CHARS_MAX));
                case HttpRequestAction.AddHeader add ->
                    headers.add(add.name(), add.value().render(request, VALUE_CHARS_MAX));
                case HttpRequestAction.DelHeader del -> headers.remove(del.name());
                case HttpRequestAction.Deny deny -> {
                    return RuleAnswer.denied(pages.response(deny.status()));
                }
                case HttpRequestAction.Redirect redirect -> {
                    FullHttpResponse response = redirect(redirect.rule(), request);
                    if (response != null) {
                        return RuleAnswer.local(response);
                    }
                }
                case HttpRequestAction.UsePrometheusExporter service -> {
                    return RuleAnswer.served(exporter.get());
                }
                case HttpRequestAction.ReplacePath replace -> {
                    if (!replacePath(replace, request)) {
                        return RuleAnswer.failed(pages.response(500));
                    }
                }
                case HttpRequestAction.Auth auth -> {
                    FullHttpResponse response = pages.response(401);
                    response.headers().add(HttpHeaderNames.WWW_AUTHENTICATE,
                            "Basic realm=\"" + auth.realm() + "\"");
                    return RuleAnswer.local(response);
                }
                case HttpRequestAction.Return reply -> {
                    return RuleAnswer.local(LocalReply.build(reply.reply(), request,
                            VALUE_CHARS_MAX));
                }
                case HttpRequestAction.SetVar set -> request.variables().set(set.variable(),
                        set.value(), request, VALUE_CHARS_MAX);
                case HttpRequestAction.SetVarFormat set -> request.variables().setText(
                        set.variable(), set.value().render(request, VALUE_CHARS_MAX));
                case HttpRequestAction.UnsetVar unset -> request.variables().unset(
                        unset.variable());
                case HttpRequestAction.Track track ->
                    StickTracking.trackRequest(track.track(), request, VALUE_CHARS_MAX);
                case HttpRequestAction.IncrementGpc0 increment -> {
                    if (request.stickCounters() != null) {
                        request.stickCounters().incrementGpc0(increment.counter());
                    }
                }
                case HttpRequestAction.SetGpt0 set -> {
                    if (request.stickCounters() != null) {
                        request.stickCounters().setGpt0(set.counter(), set.value());
                    }
                }
            }
        }
        for (Redirect redirect : redirects) {
            if (redirect.condition().test(request)) {
                FullHttpResponse response = redirect(redirect.rule(), request);
                return response == null ? null : RuleAnswer.local(response);
            }
        }
        return null;
    }

    /**
     * Applies {@code replace-path} when its regex is found in the path; false when the new
     * path cannot be made (a broken back-reference, too long), which fails the request. A
     * target without a path ({@code *}, an authority) is left as it is.
     */
    private static boolean replacePath(HttpRequestAction.ReplacePath replace,
            RequestView request) {
        Optional<String> path = RequestTarget.path(request.uri());
        if (path.isEmpty()) {
            return true;
        }
        Matcher match = replace.regex().matcher(path.get());
        if (!match.find()) {
            return true;
        }
        String rendered = replace.format().render(request, VALUE_CHARS_MAX);
        try {
            request.replacePath(BackReferences.expand(rendered, match, VALUE_CHARS_MAX));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The redirect, or null when an {@code ignore-empty} location rendered empty. */
    static FullHttpResponse redirect(RedirectRule rule, RequestView request) {
        String target = rule.target().render(request, VALUE_CHARS_MAX);
        String location = switch (rule.kind()) {
            case LOCATION -> target;
            // A prefix written "/" alone adds nothing: the redirect goes to the same path.
            case PREFIX -> slashed(rule, (rule.target().isConstant()
                    && rule.target().constantText().equals("/") ? "" : target)
                    + pathAndQuery(rule, request));
            case SCHEME -> slashed(rule, target + "://"
                    + request.request().headers().get(HttpHeaderNames.HOST, "")
                    + pathAndQuery(rule, request));
        };
        if (location.isEmpty() && rule.ignoreEmpty()) {
            return null;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rule.status()));
        response.headers().set(HttpHeaderNames.LOCATION, location);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        if (rule.status() == 302 || rule.status() == 303 || rule.status() == 307) {
            // A temporary redirect must not be cached: HAProxy marks these three so.
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        }
        return response;
    }

    /** The request's path and query, or {@code /} when its target has no path ({@code *}). */
    private static String pathAndQuery(RedirectRule rule, RequestView request) {
        String path = RequestTarget.pathAndQuery(request.uri());
        if (path == null) {
            return "/";
        }
        int query = path.indexOf('?');
        return rule.dropQuery() && query >= 0 ? path.substring(0, query) : path;
    }

    /** With append-slash, a Location not ending with a slash gets one, query or not. */
    private static String slashed(RedirectRule rule, String location) {
        return rule.appendSlash() && !location.isEmpty() && !location.endsWith("/")
                ? location + "/"
                : location;
    }
}
