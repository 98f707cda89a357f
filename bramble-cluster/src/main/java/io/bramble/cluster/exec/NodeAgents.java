package io.bramble.cluster.exec;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentDescription;
import io.bramble.cluster.agent.AgentDirectories;
import io.bramble.cluster.agent.AgentDiscovery;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.OwnAgents;
import io.bramble.cluster.agent.PcsMetadata;
import io.bramble.cluster.fence.FenceAgentRunner;
import io.bramble.common.os.BootId;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everything one node needs to run agents, put together: bramble's own agents installed
 * under the node's state folder, the agents of the machine discovered, the runner (ocf, LSB,
 * systemd, fence devices), meta-data, and the executor on virtual threads and a real
 * scheduler. The cluster loop builds one per node and listens to its executor.
 */
public final class NodeAgents implements AutoCloseable {
    private final AgentDirectories directories;
    private final AgentCatalog catalog;
    private final MetadataReader metadata;
    private final NodeExecutor executor;
    private final SystemScheduler scheduler;
    private final ExecutorService workers;

    private NodeAgents(AgentDirectories directories, MetadataReader metadata,
            NodeExecutor executor, SystemScheduler scheduler, ExecutorService workers) {
        this.directories = directories;
        this.catalog = AgentDiscovery.discover(directories);
        this.metadata = metadata;
        this.executor = executor;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    /**
     * Sets up node {@code nodeName}: agents under {@code stateRoot/agents}, agents' state
     * ({@code HA_RSCTMP}) under {@code stateRoot/rsctmp}, actions' output files under
     * {@code stateRoot/exec}; at most {@code concurrencyMax} actions at once. A {@link Keeper}
     * runs the stops parked under {@code stateRoot/stops} when this JVM ends, however it ends.
     * What a boot of the machine left there is cleared first when the machine has booted
     * since ({@link BootScope}), as Pacemaker's {@code /run/resource-agents} is by being in
     * memory: agents such as Dummy keep their "running" marks in {@code HA_RSCTMP}, and a
     * mark that outlived a reboot would make a probe report a resource running that is not.
     */
    public static NodeAgents start(String nodeName, Path stateRoot, ExecutionListener listener,
            int concurrencyMax) {
        try {
            BootScope.enter(stateRoot, BootId.current());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the agents' state of an earlier boot"
                    + " under " + stateRoot, e);
        }
        OwnAgents own = installOwn(stateRoot);
        AgentDirectories directories = AgentDirectories.system(own);
        ProcessShell shell = new ProcessShell(Clock.system(), stateRoot.resolve("exec"));
        FenceAgentRunner fence = new FenceAgentRunner(directories.fenceDirectories(), shell);
        ParkedStops stops = ParkedStops.in(stateRoot.resolve("stops"));
        try {
            Keeper.start(stops, stateRoot.resolve("keeper.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the keeper that stops this node's"
                    + " resources if bramble node dies", e);
        }
        LocalAgentRunner runner = new LocalAgentRunner(directories, nodeName,
                stateRoot.resolve("rsctmp"), shell, fence, stops);
        SystemScheduler scheduler = new SystemScheduler();
        ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("bramble-agent-", 0).factory());
        NodeExecutor executor = new NodeExecutor(nodeName, runner, workers, scheduler,
                Clock.system(), listener, concurrencyMax);
        return new NodeAgents(directories,
                new MetadataReader(runner, directories, shell), executor,
                scheduler, workers);
    }

    /** Writes bramble's own agents under {@code stateRoot}, where {@link #start} finds them. */
    public static OwnAgents installOwn(Path stateRoot) {
        return new OwnAgents(stateRoot.resolve("agents")).install();
    }

    /** The agents installed on this node. */
    public AgentCatalog catalog() {
        return catalog;
    }

    public NodeExecutor executor() {
        return executor;
    }

    /** The agent's meta-data as pcs presents and checks it. */
    public AgentMetadata metadata(AgentName agent) {
        return PcsMetadata.of(metadata.read(agent));
    }

    /**
     * {@code pcs resource describe TYPED [--full]}: the "Assumed agent name" line first when
     * {@code typed} is a short name, then the description.
     */
    public List<String> describe(String typed, boolean full) {
        AgentCatalog.Resolved resolved = catalog.resolve(typed);
        List<String> lines = new ArrayList<>();
        resolved.note().ifPresent(lines::add);
        lines.addAll(AgentDescription.lines(metadata(resolved.name()), full));
        return lines;
    }

    /** Stops the timers and the workers; actions running are interrupted. */
    @Override
    public void close() {
        scheduler.close();
        workers.shutdownNow();
    }
}
