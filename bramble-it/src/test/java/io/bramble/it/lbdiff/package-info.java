/**
 * {@code bramble lb} measured against Debian's HAProxy on the same raw requests: a catalogue of
 * request bytes (under {@code src/test/resources/lbdiff}) is sent to both, each in front of its
 * own recording backend, and what each forwarded is compared. A few users' haproxy.cfg files of
 * the corpus are also run by both, one recording backend per server.
 */
package io.bramble.it.lbdiff;
