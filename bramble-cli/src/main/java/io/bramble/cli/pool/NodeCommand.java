package io.bramble.cli.pool;

import io.bramble.cli.metrics.MetricsPage;
import io.bramble.cluster.live.PcsCommands;
import io.bramble.cluster.service.ClusterService;
import io.bramble.common.error.UserError;
import io.bramble.compute.service.ComputeCommands;
import io.bramble.compute.service.ComputeService;
import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.fs.volume.command.VolumeCommands;
import io.bramble.fs.volume.metrics.NodeMetrics;
import io.bramble.fs.volume.serve.NetworkBrickHost;
import io.bramble.fs.volume.serve.VolumeService;
import io.bramble.pool.local.LocalServer;
import io.bramble.pool.node.NodeSettings;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.node.SelfNames;
import io.bramble.web.server.WebServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bramble node}: the per-node daemon of the trusted pool, until SIGTERM. */
@Command(
        name = "node",
        description = {
                "Run this machine's node of the trusted pool (what glusterd is to Gluster).",
                "",
                "Keeps the node's id, keys and its copy of the cluster store in the state",
                "directory, listens for its peers on the management port (mutual TLS) and for",
                "the local CLI on STATE_DIR/cli.sock. Logs one line per event on stdout.",
                "Serves its bricks of the pool's started volumes ('bramble volume').",
                "Runs and supervises the pool's Spark daemons ('bramble compute').",
                "A node in no pool joins the first pool that probes it; the pool and its",
                "certificate authority are made by the first 'peer probe'."},
        footer = {"",
                "Runs until stopped with Ctrl-C or SIGTERM. Examples:",
                "  bramble node",
                "  bramble node --state-dir /tmp/n1 --listen 127.0.0.11 --name gluster1.local",
                "  bramble node --witness --state-dir /var/lib/bramble-witness",
                "  bramble node --metrics 10.0.0.11:9713"})
public final class NodeCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = {
                    "The node's state directory; $BRAMBLE_STATE_DIR or",
                    "/var/lib/bramble by default. Made (mode 0700) when missing."})
    private Path stateDir;

    @Option(
            names = "--listen",
            paramLabel = "ADDR[:PORT]",
            defaultValue = "0.0.0.0",
            description = {"Management address and port; all addresses and",
                    "port 24007 by default."})
    private String listen;

    @Option(
            names = "--raft-port",
            paramLabel = "PORT",
            description = {
                    "Port of the cluster store's replica on the same",
                    "address; the management port + 1 by default."})
    private Integer raftPort;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = {
                    "The name peers show for this node; its host name",
                    "by default."})
    private String name;

    @Option(
            names = "--witness",
            description = {
                    "Be a witness: a vote in the pool's majority and no",
                    "records, as a third machine for a two-node pool."})
    private boolean witness;

    @Option(
            names = "--join-secret",
            paramLabel = "FILE",
            description = {
                    "Join only a pool whose probe carries the secret in",
                    "FILE; this node's probes carry it too."})
    private Path joinSecret;

    @Option(
            names = "--brick-port",
            paramLabel = "PORT",
            defaultValue = "49152",
            description = {
                    "The port all of this node's bricks are served on, on",
                    "the management address; 49152 (Gluster's first brick",
                    "port) by default."})
    private int brickPort;

    @Option(
            names = "--metrics",
            paramLabel = "ADDR:PORT",
            description = {
                    "Serve Prometheus metrics of this node's bricks,",
                    "heal and pool at http://ADDR:PORT/metrics (plain",
                    "HTTP, no password: choose a private address);",
                    "off by default."})
    private String metrics;

    /** Ratis's shaded gRPC logs through java.util.logging; kept here so the level holds. */
    private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger
            .getLogger("org.apache.ratis.thirdparty");

    @Override
    public Integer call() {
        GRPC_LOG.setLevel(java.util.logging.Level.WARNING);
        NodeSettings settings = settings();
        Optional<InetSocketAddress> metricsAddress = MetricsPage.address(metrics);
        PoolNode node = PoolNode.startQuietly(settings, System.out);
        LocalServer local;
        try {
            // The socket before the "listening on" line, which is what clients wait for: a
            // restarted node's old socket file answers nothing until it is replaced.
            local = LocalServer.start(settings.stateDir().toAbsolutePath().normalize()
                    .resolve("cli.sock"), node);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        node.announce();
        NetworkBrickHost bricks = new NetworkBrickHost(node, brickPort);
        VolumeService volumes = VolumeService.start(node, bricks);
        node.addCommands(new VolumeCommands(volumes));
        Optional<ClusterService> cluster = Optional.empty();
        if (!witness) {
            node.addCommands(new PcsCommands(Clock.system()));
            cluster = Optional.of(ClusterService.start(node, settings.name(),
                    Clock.system(), settings.stateDir().resolve("cluster")));
            node.addCommands(cluster.get());
        }
        Optional<ComputeService> compute = witness
                ? Optional.empty()
                : Optional.of(ComputeService.start(node, Clock.system(),
                        settings.stateDir().resolve("compute")));
        compute.ifPresent(c -> node.addCommands(new ComputeCommands(c)));
        Optional<ClusterService> clusterService = cluster;
        Optional<WebServer> metricsServer;
        try {
            metricsServer = metricsAddress.map(address -> serveMetrics(address, volumes, node));
        } catch (RuntimeException e) {
            local.close();
            compute.ifPresent(ComputeService::close);
            clusterService.ifPresent(ClusterService::close);
            volumes.close();
            bricks.close();
            node.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            metricsServer.ifPresent(WebServer::stop);
            local.close();
            compute.ifPresent(ComputeService::close);
            clusterService.ifPresent(ClusterService::close);
            volumes.close();
            bricks.close();
            node.close();
            stopped.countDown();
        }, "bramble-node-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static WebServer serveMetrics(InetSocketAddress address, VolumeService volumes,
            PoolNode node) {
        NodeMetrics metrics = new NodeMetrics(volumes);
        WebServer server = MetricsPage.serve(address, metrics::render);
        node.log().event("metrics on " + MetricsPage.url(server));
        return server;
    }

    private NodeSettings settings() {
        Path dir = stateDir != null ? stateDir : ClientOptions.defaultStateDir();
        HostPort address = HostPort.tryParse(listen).orElseGet(() -> listen.contains(":")
                && !listen.startsWith("[") && listen.indexOf(':') != listen.lastIndexOf(':')
                        ? null
                        : new HostPort(listen, NodeSettings.PORT_DEFAULT));
        if (address == null) {
            throw UserError.usage("--listen '" + listen + "': expected ADDR or ADDR:PORT");
        }
        String host = address.isAnyAddress() ? "0.0.0.0" : address.host();
        int raft = raftPort != null ? raftPort : address.port() + 1;
        if (raft < 1 || raft > 65535 || raft == address.port()) {
            throw UserError.usage("--raft-port " + raft + ": expected a port from 1 to 65535"
                    + " other than the management port");
        }
        String nodeName = name != null ? name.strip() : SelfNames.hostName();
        if (nodeName.isEmpty() || nodeName.length() > 255 || nodeName.contains(" ")) {
            throw UserError.usage("--name '" + nodeName + "': expected a host name");
        }
        return new NodeSettings(dir, host, address.port(), raft, nodeName, witness, secret(),
                Clock.system());
    }

    private byte[] secret() {
        if (joinSecret == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = Files.readAllBytes(joinSecret);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (text.isEmpty() || text.length() > 4096) {
                throw UserError.usage("--join-secret " + joinSecret + ": the file must hold"
                        + " a secret of 1 to 4096 characters");
            }
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.usage("--join-secret " + joinSecret + ": cannot read it ("
                    + e.getMessage() + ")");
        }
    }
}
