package io.bramble.lb.config;

import java.util.Optional;

/**
 * One {@code http-request ACTION [if|unless COND]} line; rules run in file order, and a deny
 * or redirect ends the list.
 *
 * @param action what to do
 * @param condition when; always when empty
 * @param location where it was written
 */
public record HttpRequestRule(HttpRequestAction action, Optional<Condition> condition,
        ConfigLocation location) {}
