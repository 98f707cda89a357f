package io.bramble.cluster.pcs;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.exec.NodeAgents;

/** The agents a node finds on this machine, as pcs's grammar asks for them. */
record NodeAgentsSource(NodeAgents node) implements AgentSource {
    @Override
    public AgentCatalog catalog() {
        return node.catalog();
    }

    @Override
    public AgentMetadata metadata(AgentName agent) {
        return node.metadata(agent);
    }
}
