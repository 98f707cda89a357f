/**
 * Limits that protect the process: the process-wide connection count ({@code global maxconn}),
 * the wait queue of a backend whose servers are all at their {@code maxconn}, the number of
 * header lines, and the bytes buffered for slow peers. A connection that exceeds a limit is the
 * only one that suffers for it.
 */
package io.bramble.lb.limit;
