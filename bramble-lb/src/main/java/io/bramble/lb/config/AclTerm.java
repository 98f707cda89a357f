package io.bramble.lb.config;

/**
 * One ACL named in a condition, possibly negated with {@code !}.
 *
 * @param aclName a declared or predefined ACL
 * @param negated written as {@code !NAME}
 */
public record AclTerm(String aclName, boolean negated) {}
