package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.SubvolumeNames;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.create.AddBrickCounts;
import io.bramble.fs.volume.create.AddBrickLine;
import io.bramble.fs.volume.create.AddBrickRequest;
import io.bramble.fs.volume.create.BrickLayout;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code volume add-brick NAME [replica N [arbiter 1]] [stripe N] BRICK... [force]}: grows a
 * volume by whole new subvolumes of its shape (replica sets, disperse sets, stripes, or
 * single bricks), as Gluster does, with its checks and messages ({@link AddBrickCounts}).
 * The new folders are checked and made on their members as {@code volume create} makes them;
 * the root of each brick the volume had keeps the layout its clients computed
 * ({@link KeepRootLayout}); then one store update appends the bricks. Running mounts and
 * heal workers follow the record; files keep their places until
 * {@code volume rebalance NAME fix-layout start} spreads the directories over the new
 * subvolumes.
 */
final class AddBrick implements VolumeVerb {
    private static final String PREFIX = "volume add-brick";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        AddBrickRequest request = switch (AddBrickLine.read(args)) {
            case AddBrickRequest r -> r;
            case AddBrickLine.Refused r -> throw VolumeFailure.usage(r.message() + "\n"
                    + AddBrickLine.USAGE);
        };
        VolumeSpec volume = ctx.require(PREFIX, request.name());
        AddBrickCounts.problem(volume, request).ifPresent(why -> {
            throw VolumeFailure.failed(PREFIX, why);
        });
        List<Brick> added = BrickMembers.placeAll(ctx, PREFIX, request.bricks());
        BrickLayout.overlap(added, ctx.volumes()).ifPresent(why -> {
            throw VolumeFailure.failed(PREFIX, why);
        });
        if (!request.force()) {
            BrickLayout.sameServer(added, volume.healSetSize(), volume.dispersed()
                    ? "disperse"
                    : "replicate").ifPresent(why -> {
                        throw VolumeFailure.failed(PREFIX, why);
                    });
        }
        for (Brick old : volume.bricks()) {
            if (!BrickMembers.connected(ctx, old)) {
                throw VolumeFailure.failed(PREFIX, "Host " + old.host() + " of brick "
                        + old.shown() + " is not connected: every brick's node takes part"
                        + " in add-brick; run it again once it is back");
            }
        }
        BrickMembers.checkAndMake(ctx, PREFIX, added, request.force());
        keepRootLayouts(ctx, volume);
        VolumeSpec grown = ctx.update(PREFIX, volume.name(), v -> {
            if (!v.bricks().equals(volume.bricks()) || v.setSize() != volume.setSize()) {
                throw VolumeFailure.failed(PREFIX, "the bricks of volume " + volume.name()
                        + " changed meanwhile; run the command again");
            }
            return v.withBricksAdded(added);
        });
        ctx.service.reconcileSoon();
        ctx.node.log().event("volume " + volume.name() + ": " + added.size() + " brick"
                + (added.size() == 1 ? "" : "s") + " added; now " + grown.type().shown()
                + " over " + grown.distributeCount() + " subvolumes");
        return Replies.ok(PREFIX + ": success\n");
    }

    /** Stores the root's layout over the volume's subvolumes on each brick it has now. */
    private static void keepRootLayouts(VolumeContext ctx, VolumeSpec volume) {
        List<String> names = SubvolumeNames.all(volume);
        for (Brick brick : volume.bricks()) {
            List<String> args = new ArrayList<>(List.of("volume", KeepRootLayout.VERB,
                    brick.host(), brick.path()));
            args.addAll(names);
            BrickMembers.ask(ctx, brick, args).ifPresent(why -> {
                throw VolumeFailure.failed(PREFIX, "brick " + brick.shown() + ": " + why);
            });
        }
    }
}
