package io.bramble.lb.format;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables a request's rules see, each scope in its own bounded map: the process's
 * ({@code proc}, shared by every connection of a configuration), the connection's
 * ({@code sess}) and the request's ({@code txn}, {@code req}, {@code res}). Values keep their
 * type, as HAProxy's do. A scope full of names takes no new one (HAProxy bounds them by
 * memory, {@code tune.vars.*-max-size}).
 */
public final class Variables {
    /** Names one scope holds at most. */
    public static final int NAMES_PER_SCOPE_MAX = 256;

    private final Map<VariableName.Scope, Map<String, SampleValue>> scopes;

    private Variables(Map<VariableName.Scope, Map<String, SampleValue>> scopes) {
        this.scopes = scopes;
    }

    /** The process's variables of a new configuration. */
    public static Variables forProcess() {
        Map<VariableName.Scope, Map<String, SampleValue>> scopes = new EnumMap<>(
                VariableName.Scope.class);
        scopes.put(VariableName.Scope.PROC, new ConcurrentHashMap<>());
        return new Variables(scopes);
    }

    /** A new connection's variables, over these process ones. */
    public Variables forConnection() {
        Map<VariableName.Scope, Map<String, SampleValue>> copy = new EnumMap<>(scopes);
        copy.put(VariableName.Scope.SESS, new java.util.HashMap<>());
        return new Variables(copy);
    }

    /** A new request's variables, over these connection ones. */
    public Variables forRequest() {
        Map<VariableName.Scope, Map<String, SampleValue>> copy = new EnumMap<>(scopes);
        copy.put(VariableName.Scope.TXN, new java.util.HashMap<>());
        copy.put(VariableName.Scope.REQ, new java.util.HashMap<>());
        copy.put(VariableName.Scope.RES, new java.util.HashMap<>());
        return new Variables(copy);
    }

    /** The value, or null when unset (or its scope is not here). */
    public SampleValue get(VariableName variable) {
        Map<String, SampleValue> scope = scopes.get(variable.scope());
        return scope == null ? null : scope.get(variable.name());
    }

    /** Sets {@code variable} to what {@code expression} gives; nothing when it gives nothing. */
    public void set(VariableName variable, SampleExpression expression, FormatContext context,
            int charsMax) {
        SampleValue value = expression.value(context, charsMax);
        if (value != null) {
            put(variable, value);
        }
    }

    /** Sets {@code variable} to {@code text}, a string. */
    public void setText(VariableName variable, String text) {
        put(variable, new SampleValue.Text(text));
    }

    public void unset(VariableName variable) {
        Map<String, SampleValue> scope = scopes.get(variable.scope());
        if (scope != null) {
            scope.remove(variable.name());
        }
    }

    /** The request's processing is over: its {@code req} variables are gone. */
    public void endRequest() {
        Map<String, SampleValue> scope = scopes.get(VariableName.Scope.REQ);
        if (scope != null) {
            scope.clear();
        }
    }

    private void put(VariableName variable, SampleValue value) {
        Map<String, SampleValue> scope = scopes.get(variable.scope());
        if (scope != null && (scope.size() < NAMES_PER_SCOPE_MAX
                || scope.containsKey(variable.name()))) {
            scope.put(variable.name(), value);
        }
    }
}
