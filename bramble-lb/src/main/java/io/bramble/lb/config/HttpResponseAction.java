package io.bramble.lb.config;

import io.bramble.lb.format.LogFormatString;
import io.bramble.lb.format.SampleExpression;
import io.bramble.lb.format.VariableName;

/**
 * What an {@code http-response} rule does to a server's response headers. Header values are
 * HAProxy log-format strings, compiled at load.
 */
public sealed interface HttpResponseAction {
    /** {@code set-header NAME VALUE}: replace every value of the header. */
    record SetHeader(String name, LogFormatString value) implements HttpResponseAction {}

    /** {@code add-header NAME VALUE}: add one more value. */
    record AddHeader(String name, LogFormatString value) implements HttpResponseAction {}

    /** {@code del-header NAME}: remove the header. */
    record DelHeader(String name) implements HttpResponseAction {}

    /** {@code set-var(NAME) EXPR}: the variable takes the expression's value, when it has one. */
    record SetVar(VariableName variable, SampleExpression value) implements HttpResponseAction {}

    /** {@code set-var-fmt(NAME) FMT}: the variable takes the rendered string. */
    record SetVarFormat(VariableName variable, LogFormatString value)
            implements
                HttpResponseAction {}

    /** {@code unset-var(NAME)}: the variable is gone. */
    record UnsetVar(VariableName variable) implements HttpResponseAction {}
}
