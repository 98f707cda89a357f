/**
 * The running {@code bramble lb} process: configuration generations (a reload builds the next
 * one while connections finish on the old), the stats sockets, the pid file and the signals
 * (HUP reload, USR1 graceful stop, TERM/INT fast stop). The proxying itself is
 * {@link io.bramble.lb.proxy}'s.
 */
package io.bramble.lb.reload;
