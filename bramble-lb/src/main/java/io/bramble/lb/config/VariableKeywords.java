package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.F_B;
import static io.bramble.lb.config.ProxyKeywords.in;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.lb.format.RuleStage;
import io.bramble.lb.format.SampleExpression;
import io.bramble.lb.format.VariableName;

/**
 * {@code http-request} and {@code http-response} {@code set-var(NAME) EXPR},
 * {@code set-var-fmt(NAME) FMT} and {@code unset-var(NAME)}. EXPR is a sample expression and
 * FMT a log-format string of the rule's stage; the name's scope says how long the value lives
 * ({@link VariableName}).
 */
final class VariableKeywords {
    private VariableKeywords() {
    }

    static void register(KeywordTable<ProxySection> table) {
        table.keyword("http-request set-var()", in(F_B, (s, a) -> RuleKeywords.request(s, a,
                new HttpRequestAction.SetVar(variable(a), expression(a, RuleStage.REQUEST)))))
                .keyword("http-request set-var-fmt()", in(F_B, (s, a) -> RuleKeywords.request(
                        s, a, new HttpRequestAction.SetVarFormat(variable(a), RuleKeywords
                                .logFormat(a, a.next("a log-format string"),
                                        RuleStage.REQUEST)))))
                .keyword("http-request unset-var()", in(F_B, (s, a) -> RuleKeywords.request(s,
                        a, new HttpRequestAction.UnsetVar(variable(a)))))
                .keyword("http-response set-var()", in(F_B, (s, a) -> RuleKeywords.response(s,
                        a, new HttpResponseAction.SetVar(variable(a), expression(a,
                                RuleStage.RESPONSE)))))
                .keyword("http-response set-var-fmt()", in(F_B, (s, a) -> RuleKeywords
                        .response(s, a, new HttpResponseAction.SetVarFormat(variable(a),
                                RuleKeywords.logFormat(a, a.next("a log-format string"),
                                        RuleStage.RESPONSE)))))
                .keyword("http-response unset-var()", in(F_B, (s, a) -> RuleKeywords.response(
                        s, a, new HttpResponseAction.UnsetVar(variable(a)))));
    }

    /** The name between the keyword's parentheses. */
    private static VariableName variable(Args a) {
        String keyword = a.keyword();
        String inside = keyword.substring(keyword.indexOf('(') + 1, keyword.length() - 1);
        if (inside.contains(",")) {
            throw a.fail("conditions after the variable name ("
                    + inside.substring(inside.indexOf(',') + 1) + ") are not supported by "
                    + "bramble");
        }
        try {
            return VariableName.parse(inside);
        } catch (IllegalArgumentException e) {
            throw a.fail(e.getMessage());
        }
    }

    private static SampleExpression expression(Args a, RuleStage stage) {
        String written = a.next("a sample expression");
        try {
            return SampleExpression.parse(written, stage);
        } catch (IllegalArgumentException e) {
            throw a.fail(e.getMessage());
        }
    }
}
