package io.bramble.fs.volume.command;

import io.bramble.fs.volume.serve.VolumeService;
import io.bramble.pool.node.CommandSet;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code volume} words of {@code bramble node}: a table from each verb to the class that
 * runs it. The internal verbs ({@code brick-check}, {@code brick-make},
 * {@code brick-status}, {@code await-record}, {@code brick-blame}, {@code brick-reset},
 * {@code brick-profile}, {@code brick-root-layout}, {@code rebalance-report}) are what one
 * node asks of another member.
 */
public final class VolumeCommands implements CommandSet {
    private static final Map<String, VolumeVerb> VERBS = Map.ofEntries(
            Map.entry("create", new CreateVolume()),
            Map.entry("start", new StartVolume()),
            Map.entry("stop", new StopVolume()),
            Map.entry("delete", new DeleteVolume()),
            Map.entry("list", new ListVolumes()),
            Map.entry("info", new InfoVolume()),
            Map.entry("status", new StatusVolume()),
            Map.entry("set", new SetOption()),
            Map.entry("get", new GetOption()),
            Map.entry("reset", new ResetOption()),
            Map.entry("getspec", new GetSpec()),
            Map.entry("stale-copy", new StaleCopy()),
            Map.entry(CheckBrickFolder.VERB, new CheckBrickFolder()),
            Map.entry(MakeBrickFolder.VERB, new MakeBrickFolder()),
            Map.entry(ReportBrick.VERB, new ReportBrick()),
            Map.entry(ReportPending.VERB, new ReportPending()),
            Map.entry(StartHeal.VERB, new StartHeal()),
            Map.entry("reset-brick", new ResetBrick()),
            Map.entry("replace-brick", new ReplaceBrick()),
            Map.entry("add-brick", new AddBrick()),
            Map.entry(KeepRootLayout.VERB, new KeepRootLayout()),
            Map.entry("rebalance", new RebalanceVolume()),
            Map.entry("remove-brick", new RemoveBrick()),
            Map.entry(ReportRebalance.VERB, new ReportRebalance()),
            Map.entry(BlameCopy.VERB, new BlameCopy()),
            Map.entry(ResetBrickFolder.VERB, new ResetBrickFolder()),
            Map.entry("heal", new HealVolume()),
            Map.entry("profile", new ProfileVolume()),
            Map.entry("top", new TopVolume()),
            Map.entry(ReportProfile.VERB, new ReportProfile()),
            Map.entry(AwaitRecord.VERB, new AwaitRecord()));
    /** Gluster's other volume verbs: named as not there yet rather than as unknown. */
    private static final Set<String> NOT_YET = Set.of("quota",
            "inode-quota", "log", "sync", "barrier", "clear-locks", "statedump", "tier",
            "bitrot", "geo-replication", "label");
    /**
     * The verbs that change volumes: they decide on a copy of the store made current first
     * ({@link VolumeContext#catchUp}), so that a node that lags, just after its restart, does
     * not refuse or redo what another command already did.
     */
    private static final Set<String> CHANGES = Set.of("create", "start", "stop", "delete",
            "set", "reset", "reset-brick", "replace-brick", "add-brick", "rebalance",
            "remove-brick");
    static final String VERB_LIST = "create|start|stop|delete|list|info|status|set|get|reset"
            + "|heal|reset-brick|replace-brick|add-brick|remove-brick|rebalance|profile|top";

    private final VolumeContext context;

    public VolumeCommands(VolumeService service) {
        this.context = new VolumeContext(service);
    }

    @Override
    public Set<String> words() {
        return Set.of("volume");
    }

    @Override
    public CommandReply run(PoolNode node, List<String> args) {
        try {
            return dispatch(args);
        } catch (VolumeFailure f) {
            return new CommandReply(f.exitCode(), "", f.getMessage() + "\n");
        }
    }

    private CommandReply dispatch(List<String> args) {
        String verb = args.size() < 2 ? "" : args.get(1);
        if (NOT_YET.contains(verb)) {
            throw VolumeFailure.usage("volume " + verb + " is not supported by bramble yet;"
                    + " it runs volume " + VERB_LIST);
        }
        VolumeVerb known = VERBS.get(verb);
        if (known == null) {
            throw VolumeFailure.usage("unknown command 'volume " + verb + "'; expected volume "
                    + VERB_LIST);
        }
        if (context.node.isWitness()) {
            throw VolumeFailure.failed("volume " + verb + ": failed: this node is a witness"
                    + " and keeps no volumes; run the command on another member"
                    + " (--remote-host HOST)");
        }
        if (CHANGES.contains(verb)) {
            context.catchUp();
        }
        return known.run(context, args.subList(2, args.size()));
    }
}
