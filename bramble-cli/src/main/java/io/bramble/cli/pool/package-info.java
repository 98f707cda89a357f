/**
 * The trusted pool's commands: {@code bramble node} (the daemon) and its clients in the
 * gluster grammar, {@code peer probe|status|detach} and {@code pool list|set|get}.
 */
package io.bramble.cli.pool;
