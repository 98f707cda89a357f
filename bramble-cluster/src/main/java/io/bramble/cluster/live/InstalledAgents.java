package io.bramble.cluster.live;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.exec.NodeAgents;
import io.bramble.cluster.pcs.AgentSource;
import io.bramble.common.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The agents of this machine (and bramble's own) for a pcs command, found only when the
 * command asks: most commands never need them. Meta-data is read by running the agents, with
 * bramble's own installed in a temporary folder removed on close.
 */
public final class InstalledAgents implements AgentSource, AutoCloseable {
    private Path folder;
    private NodeAgents agents;

    @Override
    public AgentCatalog catalog() {
        return agents().catalog();
    }

    @Override
    public AgentMetadata metadata(AgentName agent) {
        return agents().metadata(agent);
    }

    private NodeAgents agents() {
        if (agents == null) {
            try {
                folder = Files.createTempDirectory("bramble-agents-");
            } catch (IOException e) {
                throw UserError.runtime("cannot make a temporary folder for agents: "
                        + e.getMessage(), e);
            }
            agents = NodeAgents.start("localhost", folder, event -> {
            }, 1);
        }
        return agents;
    }

    @Override
    public void close() {
        if (agents == null) {
            return;
        }
        agents.close();
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
