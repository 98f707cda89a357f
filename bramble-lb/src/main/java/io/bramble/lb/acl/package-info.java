/**
 * ACLs and conditions: compiles a proxy's {@code acl} lines and the predefined ACLs, and
 * evaluates {@code if|unless} conditions against what a request carries, basic credentials
 * checked against a userlist included. Pure; the proxy supplies the request's facts.
 */
package io.bramble.lb.acl;
