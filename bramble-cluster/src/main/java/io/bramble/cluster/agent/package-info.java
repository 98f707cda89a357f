/**
 * Resource agents as Pacemaker and pcs see them: names ({@code class:provider:type} and pcs's
 * short forms), what is installed, each agent's meta-data, the {@code pcs resource describe}
 * text, attribute checks and default operations. Pure functions over what was discovered;
 * {@link io.bramble.cluster.agent.AgentDiscovery} alone reads the disk.
 */
package io.bramble.cluster.agent;
