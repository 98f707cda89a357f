/**
 * Spark's daemons on one node: which of them the plan wants here (pure), the command lines
 * that run them (pure), the supervisor that decides when to start, restart and stop them
 * (pure, driven by ticks and an injected clock) and the shell that runs them as child
 * processes.
 */
package io.bramble.compute.daemon;
