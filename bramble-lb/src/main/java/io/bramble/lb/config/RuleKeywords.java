package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.D_F;
import static io.bramble.lb.config.ProxyKeywords.F;
import static io.bramble.lb.config.ProxyKeywords.F_B;
import static io.bramble.lb.config.ProxyKeywords.in;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.lb.format.LogFormatString;
import io.bramble.lb.format.RuleStage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Routing and rewriting: {@code acl}, {@code use_backend}, {@code default_backend},
 * {@code http-request}, {@code http-response} and {@code redirect}. Header values and
 * {@code http-request redirect} targets are log-format strings, compiled here for the stage
 * that evaluates them.
 */
final class RuleKeywords {
    /** Statuses {@code http-request deny} may answer with, as in HAProxy. */
    static final Set<Integer> DENY_STATUSES = Set.of(200, 400, 401, 403, 404, 405, 407, 408,
            410, 413, 425, 429, 500, 501, 502, 503, 504);
    /** Rules per list; evaluation cost per request stays bounded. */
    static final int RULES_MAX = 10_000;

    private RuleKeywords() {
    }

    static void register(KeywordTable<ProxySection> table) {
        table.keyword("acl", in(F_B, AclKeyword::acl))
                .keyword("use_backend", in(F, RuleKeywords::useBackend))
                .keyword("default_backend", in(D_F, (s, a) -> {
                    String name = a.next("a backend name");
                    a.end();
                    s.builder.defaultBackend = Optional.of(name);
                    s.backendReferences.add(new ProxySection.BackendReference(name, a.where(),
                            a.keyword()));
                }))
                .keyword("redirect", in(F_B, (s, a) -> {
                    bounded(a, s.builder.redirects);
                    s.builder.redirects.add(redirect(s, a, true));
                }))
                .keyword("http-request set-header", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.SetHeader(headerName(a), value(a,
                                RuleStage.REQUEST)))))
                .keyword("http-request add-header", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.AddHeader(headerName(a), value(a,
                                RuleStage.REQUEST)))))
                .keyword("http-request del-header", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.DelHeader(headerName(a)))))
                .keyword("http-request deny", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.Deny(denyStatus(a)))))
                .keyword("http-request redirect", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.Redirect(redirect(s, a, false)))))
                .keyword("http-request replace-path", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.ReplacePath(OptionKeywords.compile(a, a.next(
                                "a regular expression")), logFormat(a,
                                        a.next(
                                                "the new path"),
                                        RuleStage.REQUEST)))))
                .keyword("http-request return", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.Return(ReturnKeyword.read(a)))))
                .keyword("http-request use-service", in(F_B, RuleKeywords::useService))
                .keyword("http-request auth", in(F_B, (s, a) -> request(s, a,
                        new HttpRequestAction.Auth(a.nextIf("realm")
                                ? a.next("a realm")
                                : s.builder.name))))
                .keyword("http-response set-header", in(F_B, (s, a) -> response(s, a,
                        new HttpResponseAction.SetHeader(headerName(a), value(a,
                                RuleStage.RESPONSE)))))
                .keyword("http-response add-header", in(F_B, (s, a) -> response(s, a,
                        new HttpResponseAction.AddHeader(headerName(a), value(a,
                                RuleStage.RESPONSE)))))
                .keyword("http-response del-header", in(F_B, (s, a) -> response(s, a,
                        new HttpResponseAction.DelHeader(headerName(a)))));
    }

    private static void useBackend(ProxySection s, Args a) {
        String name = a.next("a backend name");
        if (name.contains("%[")) {
            throw a.fail("dynamic backend names are not supported by bramble; write one "
                    + "use_backend line per backend");
        }
        Condition condition = a.hasNext()
                ? ConditionReader.required(s, a)
                : new Condition(false, List.of(List.of(new AclTerm("TRUE", false))),
                        ProxySection.location(a));
        bounded(a, s.builder.backendRules);
        s.builder.backendRules.add(new BackendRule(name, condition, ProxySection.location(a)));
        s.backendReferences.add(new ProxySection.BackendReference(name, a.where(),
                a.keyword()));
    }

    /** {@code http-request use-service NAME}: HAProxy's Prometheus exporter is the one. */
    private static void useService(ProxySection s, Args a) {
        String service = a.next("a service name, such as prometheus-exporter");
        if (!service.equals("prometheus-exporter")) {
            throw a.fail("service " + Args.quote(service) + " is not supported by bramble; "
                    + (service.startsWith("lua.") ? "bramble has no Lua engine; " : "")
                    + "it offers prometheus-exporter");
        }
        request(s, a, new HttpRequestAction.UsePrometheusExporter());
    }

    static void request(ProxySection s, Args a, HttpRequestAction action) {
        Optional<Condition> condition = ConditionReader.optional(s, a);
        bounded(a, s.builder.requestRules);
        s.builder.requestRules.add(new HttpRequestRule(action, condition,
                ProxySection.location(a)));
    }

    static void response(ProxySection s, Args a, HttpResponseAction action) {
        Optional<Condition> condition = ConditionReader.optional(s, a);
        bounded(a, s.builder.responseRules);
        s.builder.responseRules.add(new HttpResponseRule(action, condition,
                ProxySection.location(a)));
    }

    private static void bounded(Args a, List<?> rules) {
        if (rules.size() >= RULES_MAX) {
            throw a.fail("more than " + RULES_MAX + " rules of this kind in one section");
        }
    }

    /** A header name: an HTTP token. */
    static String headerName(Args a) {
        String name = a.next("a header name");
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f
                && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw a.unexpected("a header name (letters, digits and -)", name);
        }
        return name;
    }

    /** A header value: a log-format string evaluated by the rules of {@code stage}. */
    private static LogFormatString value(Args a, RuleStage stage) {
        return logFormat(a, a.next("a value"), stage);
    }

    /** {@code text} compiled as a log-format string; what bramble cannot render is an error. */
    static LogFormatString logFormat(Args a, String text, RuleStage stage) {
        try {
            return LogFormatString.parse(text, stage, a::warning);
        } catch (IllegalArgumentException e) {
            throw a.fail(e.getMessage());
        }
    }

    /** {@code deny [deny_status N | status N]}. */
    private static int denyStatus(Args a) {
        if (a.nextIf("deny_status") || a.nextIf("status")) {
            int status = a.integer("a status code", 200, 599);
            if (!DENY_STATUSES.contains(status)) {
                throw a.fail("deny cannot answer with status " + status);
            }
            return status;
        }
        return HttpRequestAction.Deny.STATUS_DEFAULT;
    }

    /**
     * {@code location|prefix|scheme TARGET [code N] [drop-query] [append-slash]
     * [ignore-empty] [if|unless COND]}. A {@code redirect} line takes its target as written
     * and reads its condition here; {@code http-request redirect} compiles the target as a
     * log-format string, and its condition belongs to the enclosing rule.
     */
    static RedirectRule redirect(ProxySection s, Args a, boolean plainLine) {
        RedirectRule.Kind kind = a.choice("a redirect kind", RedirectRule.Kind.class);
        String written = a.next("a redirect target");
        if (written.isEmpty()) {
            throw a.unexpected("a redirect target", written);
        }
        LogFormatString target = plainLine
                ? LogFormatString.literal(written)
                : logFormat(a, written, RuleStage.REQUEST);
        // Only '%[' is surely meant as log-format: '%2F' and '%C3' are URL escapes.
        if (plainLine && written.contains("%[")) {
            a.warning("a redirect line sends its target as written, '%[' included, as HAProxy "
                    + "does; 'http-request redirect' reads it as a log-format string");
        }
        int status = RedirectRule.STATUS_DEFAULT;
        boolean dropQuery = false;
        boolean appendSlash = false;
        boolean ignoreEmpty = false;
        while (a.peek().filter(w -> !w.equals("if") && !w.equals("unless")).isPresent()) {
            String option = a.choice("a redirect option", "code", "drop-query",
                    "append-slash", "set-cookie", "clear-cookie", "ignore-empty");
            switch (option) {
                case "code" -> status = a.integer("a redirect code", 301, 308);
                case "drop-query" -> dropQuery = true;
                case "append-slash" -> appendSlash = true;
                // HAProxy applies it to a log-format location only, and so does bramble.
                case "ignore-empty" -> ignoreEmpty = !plainLine
                        && kind == RedirectRule.Kind.LOCATION;
                default -> throw a.fail("redirect option '" + option + "' is not supported by "
                        + "bramble");
            }
        }
        Optional<Condition> condition = plainLine
                ? ConditionReader.optional(s, a)
                : Optional.empty();
        return new RedirectRule(kind, target, status, dropQuery, appendSlash, ignoreEmpty,
                condition, ProxySection.location(a));
    }
}
