package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeCodec;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.Versioned;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code volume delete NAME}: forgets a volume that is not started. Like Gluster, bramble
 * leaves the bricks' folders and files where they are; unlike Gluster, it says so and gives
 * the command that empties each (seed 003's users had to find that out themselves).
 */
final class DeleteVolume implements VolumeVerb {
    /** Paths printed without quotes in the wipe commands; others are single-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/._+-]+");

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1, "volume delete <VOLNAME>");
        String name = args.getFirst();
        String prefix = "volume delete: " + name;
        ClusterStore store = ctx.store(prefix);
        Versioned<VolumeSpec> read = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                prefix, VolumeContext.notFound(name)));
        if (read.value().status() == VolumeStatus.STARTED) {
            throw VolumeFailure.failed(prefix, "Volume " + name + " has been started.Volume"
                    + " needs to be stopped before deletion.");
        }
        ctx.commit(prefix, () -> store.delete(VolumeCodec.TYPE, name, read.version()));
        ctx.awaitEverywhere(name, 0);
        return Replies.ok(prefix + ": success\n", leftBehind(read.value()));
    }

    /** What stays on the bricks, and how to remove it, brick by brick. */
    static String leftBehind(VolumeSpec volume) {
        StringBuilder note = new StringBuilder("note: the bricks keep the volume's files and"
                + " bramble's metadata; nothing was removed from them. To reuse or free a"
                + " brick, empty its folder on its machine:\n");
        for (Brick b : volume.bricks()) {
            note.append("  ").append(b.host()).append(": rm -rf ").append(quoted(b.path()))
                    .append('\n');
        }
        return note.toString();
    }

    private static String quoted(String path) {
        return PLAIN.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
