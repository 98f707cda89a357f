/**
 * keepalived's checkers: the retry logic as a pure state ({@link io.bramble.lvs.check.Retries}),
 * the probes (TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK) as blocking calls with timeouts, and
 * the runner that schedules them on virtual threads.
 */
package io.bramble.lvs.check;
