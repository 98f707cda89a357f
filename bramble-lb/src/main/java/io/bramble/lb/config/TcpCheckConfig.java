package io.bramble.lb.config;

import java.util.List;

/**
 * A backend's check script: {@code option tcp-check} with its {@code tcp-check} lines, or one
 * of the protocol checks. A script always starts with a connect step (HAProxy adds one when
 * the file does not).
 *
 * @param origin the option that set it ({@code option tcp-check},
 *        {@code option redis-check}...), for messages
 * @param rules the steps in order
 */
public record TcpCheckConfig(String origin, List<TcpCheckRule> rules) {
    /** Steps in one script; HAProxy has no limit, this bounds a check's work. */
    public static final int RULES_MAX = 256;

    public TcpCheckConfig {
        if (rules.size() > RULES_MAX) {
            throw new IllegalArgumentException("more than " + RULES_MAX + " check steps");
        }
        rules = List.copyOf(rules);
    }
}
