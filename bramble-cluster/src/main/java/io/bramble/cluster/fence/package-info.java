/**
 * Fencing through fence agents, as Pacemaker's fencer drives them: key=value lines on stdin
 * (the action, the target's plug, the device's attributes), exit codes read as the
 * fence-agents interface defines them, the target's plug from {@code pcmk_host_map}, and
 * fence devices run as stonith resources (their monitor).
 */
package io.bramble.cluster.fence;
