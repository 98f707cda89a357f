/**
 * HTTP response compression as HAProxy 2.6's {@code compression} does it: which algorithm a
 * request's Accept-Encoding allows, whether a response may be compressed and how its head
 * changes, and the streaming coder of its body. Pure but for the JDK's zlib; the proxy package
 * calls it.
 */
package io.bramble.lb.compress;
