package io.bramble.lb.config;

import java.util.Optional;

/**
 * One {@code http-response ACTION [if|unless COND]} line. Conditions are evaluated against
 * the request that caused the response.
 *
 * @param action what to do
 * @param condition when; always when empty
 * @param location where it was written
 */
public record HttpResponseRule(HttpResponseAction action, Optional<Condition> condition,
        ConfigLocation location) {}
