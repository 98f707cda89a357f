/**
 * {@code bramble lb} measured against Debian's HAProxy on the same raw requests: a catalogue of
 * request bytes (under {@code src/test/resources/lbdiff}) is sent to both, each in front of its
 * own recording backend, and what each forwarded is compared.
 */
package io.bramble.it.lbdiff;
