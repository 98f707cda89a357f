package io.bramble.lb.proxy;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.HttpResponseAction;
import io.bramble.lb.config.ProxyConfig;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * A proxy's {@code http-response} rules, applied in file order to a response's headers. A
 * value longer than {@link RequestRules#VALUE_CHARS_MAX} fails with
 * {@link io.bramble.lb.format.ValueTooLongException}, for the caller to answer 500.
 */
final class ResponseRules {
    private record Rule(HttpResponseAction action, CompiledCondition condition) {}

    private final List<Rule> rules;

    ResponseRules(ProxyConfig config, AclSet acls) {
        this.rules = config.responseRules().stream()
                .map(r -> new Rule(r.action(), acls.compile(r.condition()))).toList();
    }

    boolean isEmpty() { return rules.isEmpty(); }

    /** Conditions see the request that caused the response; values see the response too. */
    void apply(HttpHeaders headers, ResponseView response, RequestView request) {
        for (Rule rule : rules) {
            if (!rule.condition().test(request)) {
                continue;
            }
            switch (rule.action()) {
                case HttpResponseAction.SetHeader set -> headers.set(set.name(), set.value()
                        .render(response, RequestRules.VALUE_CHARS_MAX));
                case HttpResponseAction.AddHeader add -> headers.add(add.name(), add.value()
                        .render(response, RequestRules.VALUE_CHARS_MAX));
                case HttpResponseAction.DelHeader del -> headers.remove(del.name());
                case HttpResponseAction.SetVar set -> request.variables().set(set.variable(),
                        set.value(), response, RequestRules.VALUE_CHARS_MAX);
                case HttpResponseAction.SetVarFormat set -> request.variables().setText(
                        set.variable(), set.value().render(response,
                                RequestRules.VALUE_CHARS_MAX));
                case HttpResponseAction.UnsetVar unset -> request.variables().unset(
                        unset.variable());
            }
        }
    }
}
