package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.create.BrickAddress;
import io.bramble.fs.volume.create.BrickLayout;
import io.bramble.fs.volume.create.CreateLine;
import io.bramble.pool.member.Member;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code volume replace-brick NAME SOURCE-BRICK NEW-BRICK commit force}, Gluster's way to move
 * a replicated brick to another folder or machine (a failing disk, a node retired): the new
 * brick takes the source's place in its replica set and is filled from the set's other copies.
 * The volume's record names the new brick first, before its folder is a brick, so that its
 * member cannot serve it yet and the source's member stops serving the source; then the
 * other copies are marked as holding everything that place lacks ({@link CopyMarks}), and
 * only then is the folder made a brick and served: the marked copies' heal workers fill it,
 * and no client reads it empty. Only {@code commit force} is Gluster's (its {@code start},
 * {@code status} and {@code abort} are gone since 3.7).
 */
final class ReplaceBrick implements VolumeVerb {
    static final String USAGE = "volume replace-brick <VOLNAME> <SOURCE-BRICK> <NEW-BRICK>"
            + " {commit force}";
    private static final String PREFIX = "volume replace-brick";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 5 && args.get(3).equals("commit") && args.get(4).equals(
                "force"), USAGE);
        VolumeSpec volume = ctx.require(PREFIX, args.get(0));
        int index = indexOf(volume, args.get(1));
        Brick source = volume.bricks().get(index);
        BrickAddress typed;
        try {
            typed = CreateLine.readBrick(args.get(2));
        } catch (IllegalArgumentException e) {
            throw VolumeFailure.failed(PREFIX, e.getMessage());
        }
        if (volume.healSetSize() < 2) {
            throw VolumeFailure.failed(PREFIX, "replace-brick is not permitted on distribute"
                    + " only volumes. Please use add-brick and remove-brick operations"
                    + " instead.");
        }
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed(PREFIX, "volume: " + volume.name() + " is not started");
        }
        if (typed.shown().equals(source.shown())) {
            throw VolumeFailure.failed(PREFIX, "the new brick is the source brick; to make a"
                    + " lost brick folder a brick again in place, run `volume reset-brick "
                    + volume.name() + " " + source.shown() + " " + source.shown()
                    + " commit force`");
        }
        Member member = BrickMembers.place(ctx, PREFIX, typed.host());
        Brick target = new Brick(typed.host(), typed.path(), member.id());
        BrickLayout.overlap(List.of(target), ctx.volumes()).ifPresent(why -> {
            throw VolumeFailure.failed(PREFIX, why);
        });
        BrickMembers.onHost(ctx, PREFIX, member, List.of("volume", CheckBrickFolder.VERB,
                target.host(), target.path(), "force"));
        if (otherCopies(volume, index).noneMatch(b -> BrickMembers.connected(ctx, b))) {
            throw VolumeFailure.failed(PREFIX, "no other copy of " + source.shown() + "'s"
                    + " replica set is up to fill the new brick from; run the command again"
                    + " once one is");
        }
        // The record names the new brick before its folder is one: its member cannot serve
        // it yet, so the heal of the marks below waits for it and no client reads it empty.
        VolumeSpec replaced = ctx.update(PREFIX, volume.name(), v -> {
            int now = v.bricks().indexOf(source);
            if (now < 0) {
                throw VolumeFailure.failed(PREFIX, "brick: " + source.shown() + " was replaced"
                        + " meanwhile");
            }
            return v.withBrick(now, target);
        });
        CopyMarks marks = CopyMarks.markOthers(ctx, replaced, replaced.bricks().indexOf(
                target));
        if (marks.marked() == 0) {
            throw VolumeFailure.failed(PREFIX, "volume " + volume.name() + " now names "
                    + target.shown() + ", not served yet: " + marks.noneWhy(target) + "; once"
                    + " one is up, run `volume reset-brick " + volume.name() + " "
                    + target.shown() + " " + target.shown() + " commit force`");
        }
        BrickMembers.onHost(ctx, PREFIX, member, List.of("volume", ResetBrickFolder.VERB,
                target.host(), target.path()));
        int marked = marks.marked();
        ctx.service.reconcileSoon();
        ctx.node.log().event("volume " + volume.name() + ": brick " + source.shown()
                + " replaced by " + target.shown() + "; " + marked + " other cop"
                + (marked == 1 ? "y heals" : "ies heal") + " it");
        return Replies.ok(PREFIX + ": success: replace-brick commit force operation"
                + " successful\n");
    }

    private static Stream<Brick> otherCopies(VolumeSpec volume, int index) {
        int first = index - index % volume.healSetSize();
        return volume.bricks().subList(first, first + volume.healSetSize()).stream().filter(
                b -> !b.equals(volume.bricks().get(index)));
    }

    private static int indexOf(VolumeSpec volume, String shown) {
        for (int i = 0; i < volume.bricks().size(); i++) {
            if (volume.bricks().get(i).shown().equals(shown)) {
                return i;
            }
        }
        throw VolumeFailure.failed(PREFIX, "brick: " + shown + " does not exist in volume: "
                + volume.name());
    }
}
