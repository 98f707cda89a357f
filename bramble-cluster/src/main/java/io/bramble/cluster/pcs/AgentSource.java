package io.bramble.cluster.pcs;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;

/** The agents of the machine a command runs on, as pcs sees them. */
public interface AgentSource {
    /** What is installed. */
    AgentCatalog catalog();

    /** An agent's meta-data as pcs presents it; fails with pcs's words when there is none. */
    AgentMetadata metadata(AgentName agent);
}
