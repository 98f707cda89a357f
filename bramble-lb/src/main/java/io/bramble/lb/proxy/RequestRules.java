package io.bramble.lb.proxy;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.HttpRequestAction;
import io.bramble.lb.config.HttpRequestRule;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.RedirectRule;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * A proxy's {@code http-request} rules, then its {@code redirect} rules, in file order: header
 * edits apply in place; a deny or redirect ends the evaluation with a response to send.
 */
final class RequestRules {
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

    /** Runs the rules; null to go on, or the response that ends the request here. */
    FullHttpResponse apply(RequestView request, ErrorPages pages) {
        HttpHeaders headers = request.request().headers();
        for (Rule rule : rules) {
            if (!rule.condition().test(request)) {
                continue;
            }
            switch (rule.action()) {
                case HttpRequestAction.SetHeader set ->
                    headers.set(set.name(), HeaderValue.expand(set.value(), request));
                case HttpRequestAction.AddHeader add ->
                    headers.add(add.name(), HeaderValue.expand(add.value(), request));
                case HttpRequestAction.DelHeader del -> headers.remove(del.name());
                case HttpRequestAction.Deny deny -> {
                    return pages.response(deny.status());
                }
                case HttpRequestAction.Redirect redirect -> {
                    return redirect(redirect.rule(), request);
                }
            }
        }
        for (Redirect redirect : redirects) {
            if (redirect.condition().test(request)) {
                return redirect(redirect.rule(), request);
            }
        }
        return null;
    }

    static FullHttpResponse redirect(RedirectRule rule, RequestView request) {
        String uri = request.uri();
        String location = switch (rule.kind()) {
            case LOCATION -> rule.target();
            case PREFIX -> prefixed(rule, uri);
            case SCHEME -> rule.target() + "://"
                    + request.request().headers().get(HttpHeaderNames.HOST, "") + uri;
        };
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rule.status()));
        response.headers().set(HttpHeaderNames.LOCATION, location);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    private static String prefixed(RedirectRule rule, String uri) {
        String path = rule.dropQuery() ? RequestView.pathOf(uri) : uri;
        if (rule.appendSlash() && !path.contains("?") && !path.endsWith("/")) {
            path = path + "/";
        }
        String prefix = rule.target().endsWith("/")
                ? rule.target().substring(0,
                        rule.target().length() - 1)
                : rule.target();
        return prefix + path;
    }
}
