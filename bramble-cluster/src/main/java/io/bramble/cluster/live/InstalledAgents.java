package io.bramble.cluster.live;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentDirectories;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.OwnAgents;
import io.bramble.cluster.exec.NodeAgents;
import io.bramble.cluster.exec.ProcessShell;
import io.bramble.cluster.fence.FenceAgentRunner;
import io.bramble.cluster.fence.Fencer;
import io.bramble.cluster.pcs.AgentSource;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
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

    /** A fencer that runs this machine's fence agents, bramble's own included. */
    public Fencer fencer() {
        OwnAgents own = NodeAgents.installOwn(folder());
        return new Fencer(new FenceAgentRunner(AgentDirectories.system(own).fenceDirectories(),
                new ProcessShell(Clock.system(), folder().resolve("exec"))));
    }

    private Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("bramble-agents-");
            } catch (IOException e) {
                throw UserError.runtime("cannot make a temporary folder for agents: "
                        + e.getMessage(), e);
            }
        }
        return folder;
    }

    private NodeAgents agents() {
        if (agents == null) {
            agents = NodeAgents.start("localhost", folder(), event -> {
            }, 1);
        }
        return agents;
    }

    @Override
    public void close() {
        if (agents != null) {
            agents.close();
        }
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
