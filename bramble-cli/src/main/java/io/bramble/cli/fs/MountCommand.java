package io.bramble.cli.fs;

import io.bramble.cli.pool.ClientOptions;
import io.bramble.common.error.UserError;
import io.bramble.common.os.MountTable;
import io.bramble.common.os.ProcessUser;
import io.bramble.fs.brick.wire.ClientSettings;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.fuse.FuseMount;
import io.bramble.fs.fuse.FuseOptions;
import io.bramble.fs.mount.ClientCaching;
import io.bramble.fs.mount.MountRequest;
import io.bramble.fs.mount.SpecFetch;
import io.bramble.fs.mount.SpecWatch;
import io.bramble.fs.mount.VolumeClient;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.pool.local.NodeClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bramble mount HOST:/VOL DIR}: the file system's client, a process of its own (as
 * glusterfs is), so that an unmount or a client crash never touches the node.
 */
@Command(
        name = "mount",
        description = {
                "Mount a volume of the pool on DIR.",
                "",
                "Fetches the volume's layout from HOST (or a backup server), then talks to",
                "the bricks directly: losing HOST after the mount costs nothing. Runs in the",
                "background unless --foreground; 'umount DIR' ends it. Needs this machine's",
                "pool credentials (a member's state directory) and /dev/fuse."},
        footer = {"",
                "Examples (seed recipes):",
                "  bramble mount 192.168.0.121:/gv0 /mnt/gluster1",
                "  mount -t bramble gluster1:/gv0 /mnt/gluster1     (through mount.bramble)",
                "  bramble mount -o backup-volfile-servers=pi2 pi1:/gv0 /mnt/gluster1",
                "fstab: pi1:/gv0  /mnt/gluster1  bramble  defaults,_netdev  0  0"})
public final class MountCommand implements Callable<Integer> {
    /** How long the background client may take to mount before the command gives up. */
    static final long MOUNT_WAIT_MS = 30_000;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(
            names = "-o",
            paramLabel = "OPTIONS",
            defaultValue = "",
            description = {"Comma-separated options: backup-volfile-servers=H2:H3,",
                    "allow_other (default as root), noallow_other, and",
                    "mount(8)'s defaults, _netdev, noauto, nofail, rw."})
    private String options;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = {"State directory of this machine's node, whose pool",
                    "credentials the mount shows; $BRAMBLE_STATE_DIR or",
                    "/var/lib/bramble by default."})
    private Path stateDir;

    @Option(names = "--foreground", description = "Stay in the foreground until unmounted.")
    private boolean foreground;

    @Option(
            names = "--log-file",
            paramLabel = "FILE",
            description = {"Where the background client logs (also -o log-file=FILE);",
                    "/var/log/bramble/MOUNTPOINT.log as root, else in the",
                    "temporary directory."})
    private Path logFile;

    @Parameters(index = "0", paramLabel = "HOST:/VOL", description = "The volume.")
    private String source;

    @Parameters(index = "1", paramLabel = "DIR", description = "An existing directory.")
    private Path mountPoint;

    @Override
    public Integer call() throws Exception {
        MountRequest request = MountRequest.parse(source, options, runningAsRoot());
        Path dir = mountPoint.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw UserError.usage("mount point " + dir + " does not exist or is not a"
                    + " directory; make it first (mkdir -p " + dir + ")");
        }
        if (MountTable.read().isMountPoint(dir)) {
            throw new UserError(UserError.EXIT_RUNTIME, dir + " is already a mount point;"
                    + " unmount it first (umount " + dir + ")");
        }
        Path state = stateDir != null ? stateDir : ClientOptions.defaultStateDir();
        if (!foreground) {
            return Background.start(request, dir, state, logFile != null
                    ? logFile
                    : request
                            .logFile().orElse(null),
                    options);
        }
        return serve(request, dir, state);
    }

    private static int serve(MountRequest request, Path dir, Path state) throws Exception {
        ClientSpec spec = SpecFetch.fetch(state, request.servers(), request.volume());
        if (spec.volume().status() != VolumeStatus.STARTED) {
            throw new UserError(UserError.EXIT_RUNTIME, "volume " + request.volume() + " is "
                    + spec.volume().status().shown().toLowerCase() + ", not started; start it"
                    + " first (gluster volume start " + request.volume() + ")");
        }
        PoolTls tls = PoolTls.of(NodeClient.credentials(state));
        ClientSettings settings = ClientSettings.DEFAULTS.withPingTimeoutMs(VolumeOptions
                .pingTimeoutMs(spec.volume()));
        VolumeClient client = VolumeClient.open(spec, tls, settings, localNode(state),
                state, request.servers());
        FileOps files = client.files();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("spec-watch").daemon().unstarted(r));
        SpecWatch.start(() -> SpecFetch.fetchRecord(state, request.servers(), request
                .volume()), () -> SpecFetch.fetch(state, request.servers(), request.volume()),
                client, watcher, SpecWatch.POLL_MS);
        FuseMount mount;
        try {
            mount = FuseMount.mount(dir, request.source(), files, ClientCaching.apply(spec
                    .volume(), FuseOptions.defaults().withAllowOther(request.allowOther())));
        } catch (IOException | RuntimeException e) {
            watcher.shutdownNow();
            files.close();
            throw new UserError(UserError.EXIT_RUNTIME, "cannot mount " + request.source()
                    + " on " + dir + ": " + e.getMessage(), e);
        }
        System.out.println("mounted " + request.source() + " on " + dir + " ("
                + spec.volume().type().shown() + ", " + spec.volume().bricks().size()
                + " bricks)");
        System.out.flush();
        Thread hook = new Thread(() -> {
            try {
                mount.close();
            } catch (IOException e) {
                System.err.println("unmounting " + dir + " failed: " + e.getMessage()
                        + "; 'umount -l " + dir + "' clears it");
            }
        }, "bramble-unmount");
        Runtime.getRuntime().addShutdownHook(hook);
        mount.awaitUnmount();
        watcher.shutdownNow();
        files.close();
        System.out.println("unmounted " + dir);
        return 0;
    }

    private static Optional<UUID> localNode(Path state) {
        try {
            return Optional.of(UUID.fromString(Files.readString(state.resolve("node-id"))
                    .strip()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean runningAsRoot() {
        return ProcessUser.isRoot();
    }
}
