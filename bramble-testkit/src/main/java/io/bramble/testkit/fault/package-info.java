/**
 * Faults done to a running system: a process killed or paused, a host's cable pulled. Each
 * returns once the fault has taken effect, so a test can observe what follows.
 */
package io.bramble.testkit.fault;
