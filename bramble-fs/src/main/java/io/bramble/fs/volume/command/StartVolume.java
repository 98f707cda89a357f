package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume start NAME [force]}: records the volume {@code Started}; every member that
 * holds a brick of it serves the brick when it sees that. Waits a bounded time for the
 * bricks to come online, and names those that did not (they keep being retried).
 * {@code force} on a started volume restarts what is offline.
 */
final class StartVolume implements VolumeVerb {
    /** How long start waits for the bricks to come online before it answers. */
    static final long ONLINE_WAIT_MS = 10_000;
    private static final long POLL_MS = 200;

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1 || (args.size() == 2 && args.get(1).equals("force")),
                "volume start <VOLNAME> [force]");
        String name = args.getFirst();
        String prefix = "volume start: " + name;
        boolean force = args.size() == 2;
        VolumeSpec volume = ctx.require(prefix, name);
        if (volume.status() != VolumeStatus.STARTED) {
            volume = ctx.update(prefix, name, v -> {
                if (v.status() == VolumeStatus.STARTED && !force) {
                    throw VolumeFailure.failed(prefix, alreadyStarted(name));
                }
                return v.withStatus(VolumeStatus.STARTED);
            });
        } else if (!force) {
            throw VolumeFailure.failed(prefix, alreadyStarted(name));
        }
        ctx.service.reconcileSoon();
        return Replies.ok(prefix + ": success\n", offlineNote(ctx, volume));
    }

    static String alreadyStarted(String name) {
        return "Volume " + name + " already started";
    }

    /** Waits up to {@link #ONLINE_WAIT_MS}; a note naming the bricks still offline. */
    private static String offlineNote(VolumeContext ctx, VolumeSpec volume) {
        List<BrickReport> reports = ctx.poll(() -> ctx.reports(volume, false), all -> all
                .stream().allMatch(BrickReport::online), ONLINE_WAIT_MS, POLL_MS);
        StringBuilder note = new StringBuilder();
        reports.stream().filter(r -> !r.online()).forEach(r -> note.append("note: brick ")
                .append(r.brick().shown()).append(" is not online yet (its member serves it"
                        + " once it can); see 'volume status ")
                .append(volume.name())
                .append("'\n"));
        return note.toString();
    }
}
