package io.bramble.lb.proxy;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.HttpResponseAction;
import io.bramble.lb.config.ProxyConfig;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** A proxy's {@code http-response} rules, applied in file order to a response's headers. */
final class ResponseRules {
    private record Rule(HttpResponseAction action, CompiledCondition condition) {}

    private final List<Rule> rules;

    ResponseRules(ProxyConfig config, AclSet acls) {
        this.rules = config.responseRules().stream()
                .map(r -> new Rule(r.action(), acls.compile(r.condition()))).toList();
    }

    boolean isEmpty() { return rules.isEmpty(); }

    /** Conditions see the request that caused the response. */
    void apply(HttpHeaders headers, RequestView request) {
        for (Rule rule : rules) {
            if (!rule.condition().test(request)) {
                continue;
            }
            switch (rule.action()) {
                case HttpResponseAction.SetHeader set ->
                    headers.set(set.name(), HeaderValue.expand(set.value(), request));
                case HttpResponseAction.AddHeader add ->
                    headers.add(add.name(), HeaderValue.expand(add.value(), request));
                case HttpResponseAction.DelHeader del -> headers.remove(del.name());
            }
        }
    }
}
