package io.bramble.fs.volume.command;

import io.bramble.fs.brick.BrickSettings;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.distribute.Layout;
import io.bramble.fs.distribute.LayoutXattr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.volume.Brick;
import io.bramble.pool.wire.Message.CommandReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code volume brick-root-layout HOST PATH SUBVOLUME...}, asked by the node that runs
 * {@code add-brick} of the member of each brick the volume had: stores on the brick's root
 * the layout its clients computed there (over the subvolumes named, the volume's before it
 * grows) when none is stored yet. The new bricks' roots exist at once, so without it a
 * client of the grown volume would compute the root's layout over every subvolume and place
 * names where the clients still running with the old subvolumes do not look; with it, the
 * root keeps its files' places until {@code volume rebalance NAME fix-layout start} spreads
 * it. A layout already stored is left as it is.
 */
final class KeepRootLayout implements VolumeVerb {
    static final String VERB = "brick-root-layout";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() >= 3 && args.get(1).startsWith("/"), "volume " + VERB
                + " HOST PATH SUBVOLUME...");
        Brick brick = new Brick(args.get(0), args.get(1), ctx.node.id());
        Layout layout;
        try {
            layout = Layout.forDirectory(FileId.ROOT, args.subList(2, args.size()));
        } catch (IllegalArgumentException e) {
            throw VolumeFailure.failed(e.getMessage());
        }
        Optional<FileOps> served = ctx.service.bricks().served(brick);
        try {
            if (served.isPresent()) {
                keep(served.get(), layout);
            } else {
                try (LocalBrick local = LocalBrick.open(Path.of(brick.path()),
                        BrickSettings.defaults())) {
                    keep(local, layout);
                }
            }
        } catch (FsException e) {
            throw VolumeFailure.failed("cannot keep the root layout of brick " + brick.shown()
                    + ": " + e.getMessage());
        }
        return Replies.ok("");
    }

    private static void keep(FileOps brick, Layout layout) throws FsException {
        try {
            brick.getxattr(Caller.ROOT, FsPath.ROOT, LayoutXattr.NAME);
            return; // a stored layout stays
        } catch (FsException e) {
            if (e.errno() != Errno.ENODATA) {
                throw e;
            }
        }
        try {
            brick.setxattr(Caller.ROOT, FsPath.ROOT, LayoutXattr.NAME, LayoutXattr.encode(
                    layout), FileOps.XATTR_CREATE);
        } catch (FsException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e; // EEXIST: a client stored it meanwhile, computed the same way
            }
        }
    }
}
