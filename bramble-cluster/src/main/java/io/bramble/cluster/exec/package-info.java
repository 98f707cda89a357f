/**
 * Running agent actions as Pacemaker's executor does: the OCF environment, the command for
 * each standard, exit codes and what they mean, a process shell that kills a timed-out
 * action's whole process group, and the per-node executor (serialised per resource, bounded
 * concurrency, recurring monitors, probes) that reports every result as an event.
 */
package io.bramble.cluster.exec;
