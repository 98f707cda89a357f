package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions with the answers of {@code haproxy -cc COND} (HAProxy 2.6.12). */
class ConditionalExpressionTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("HOME", "/root");

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                    "'';false", "1;true", "0;false", "2;true", "-1;true", "00;false", "010;true",
                    "0x1;true", "0x0;false",
                    "defined(HOME);true", "defined(NOPE);false", "defined();false",
                    "feature(OPENSSL);true", "feature(openssl);false", "feature(LUA);false",
                    "streq(a,a);true", "strneq(a,a);false", "streq(a b,a b);true",
                    "version_atleast(2.6);true", "version_atleast(2.6.12);true",
                    "version_atleast(2.6.13);false", "version_atleast(2.4-dev19);true",
                    "version_atleast(2.6-dev1);true", "version_atleast(2.6.12-1);false",
                    "version_before(2.7);true", "version_before(2.6.12);false",
                    "!1;false", "! 1;false", "!!0;false", "!0 && !0;true", "1 && 0 || 1;true",
                    "1||0&&0;true", "1 && 0;false", "0 || 1;true",
                    "feature(OPENSSL) && (streq(a,b) || 1);true"})
    void evaluatesAsHaproxy(String condition, boolean expected) {
        assertThat(ConditionalExpression.evaluate(ENVIRONMENT, condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource(
            delimiter = ';',
            value = {
                    "yes;expected a number, a predicate", "foo(1);unknown predicate 'foo'",
                    "1abc;'1abc' in the condition '1abc' is not a number", "(1;expected ')'",
                    "1 &&;expected a number", "defined(HOME;expected ')' after the arguments",
                    "streq(a);'streq' takes 2 arguments, got 1",
                    "version_atleast(x);expected a version such as 2.4"})
    void refusesWhatHaproxyCannotParse(String condition, String message) {
        assertThatThrownBy(() -> ConditionalExpression.evaluate(ENVIRONMENT, condition))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
