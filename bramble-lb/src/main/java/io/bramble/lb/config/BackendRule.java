package io.bramble.lb.config;

/**
 * {@code use_backend NAME if|unless COND}: the first rule whose condition holds picks the
 * backend; {@code default_backend} applies when none does.
 *
 * @param backend the backend's name
 * @param condition when the rule applies
 * @param location where it was written
 */
public record BackendRule(String backend, Condition condition, ConfigLocation location) {}
