package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume reset-brick NAME HOST:PATH start} and {@code volume reset-brick NAME HOST:PATH
 * HOST:PATH commit [force]}, Gluster's way back for a replicated or disperse brick whose
 * folder was lost (a disk replaced, a folder made anew): bramble serves such a folder only
 * once it is reset, never as the volume's files. {@code commit} first marks the root of every
 * other brick of the brick's replica or disperse set as holding what the brick lacks
 * ({@link BlameCopy}), then makes the brick's folder a brick again on its member
 * ({@link ResetBrickFolder}), which serves it: the heal workers of the other bricks then make
 * every file on it again, while clients read the others. {@code start} stops nothing: bramble stops serving a brick by itself once its
 * folder is removed or replaced, so it only checks that the brick is not served.
 */
final class ResetBrick implements VolumeVerb {
    static final String USAGE = "volume reset-brick <VOLNAME> <HOSTNAME:BRICKPATH> start\n"
            + "       volume reset-brick <VOLNAME> <HOSTNAME:BRICKPATH> <HOSTNAME:BRICKPATH>"
            + " commit [force]";
    private static final String PREFIX = "volume reset-brick";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        boolean start = args.size() == 3 && args.get(2).equals("start");
        boolean commit = (args.size() == 4 && args.get(3).equals("commit")) || (args.size() == 5
                && args.get(3).equals("commit") && args.get(4).equals("force"));
        Replies.usage(start || commit, USAGE);
        VolumeSpec volume = ctx.find(args.get(0)).orElseThrow(() -> VolumeFailure.failed(PREFIX,
                VolumeContext.notFound(args.get(0)))).value();
        Brick brick = brickOf(volume, args.get(1));
        if (volume.healSetSize() < 2) {
            throw VolumeFailure.failed(PREFIX, "volume " + volume.name() + " is not replicated"
                    + " or disperse: a reset brick has no other copy to be made again from");
        }
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed(PREFIX, "Volume " + volume.name() + " is not started.");
        }
        if (start) {
            return start(ctx, volume, brick);
        }
        if (!args.get(2).equals(args.get(1))) {
            throw VolumeFailure.failed(PREFIX, "bramble resets a brick in place: the source and"
                    + " destination must be the same HOSTNAME:BRICKPATH (" + args.get(1) + ")");
        }
        return commit(ctx, volume, brick, args.size() == 5);
    }

    private static Brick brickOf(VolumeSpec volume, String shown) {
        return volume.bricks().stream().filter(b -> b.shown().equals(shown)).findFirst()
                .orElseThrow(() -> VolumeFailure.failed(PREFIX, "brick " + shown + " is not"
                        + " a brick of volume " + volume.name() + "; `volume info "
                        + volume.name() + "` lists them"));
    }

    private static CommandReply start(VolumeContext ctx, VolumeSpec volume, Brick brick) {
        BrickReport report = ctx.report(brick, false);
        if (report.online()) {
            throw VolumeFailure.failed(PREFIX, "brick " + brick.shown() + " is still served;"
                    + " bramble stops serving a brick by itself once its folder is removed or"
                    + " replaced (its disk unmounted or changed): do that, then run `volume"
                    + " reset-brick " + volume.name() + " " + brick.shown() + " "
                    + brick.shown() + " commit force`");
        }
        return Replies.ok(PREFIX + ": success: reset-brick start operation successful\n");
    }

    private static CommandReply commit(VolumeContext ctx, VolumeSpec volume, Brick brick,
            boolean force) {
        CopyMarks marks = CopyMarks.markOthers(ctx, volume, volume.bricks().indexOf(brick));
        if (marks.marked() == 0) {
            throw VolumeFailure.failed(PREFIX, marks.noneWhy(brick) + "; run the command again"
                    + " once one is up");
        }
        BrickMembers.ask(ctx, brick, List.of("volume", ResetBrickFolder.VERB, brick.host(),
                brick.path())).ifPresent(why -> {
                    throw VolumeFailure.failed(PREFIX, why);
                });
        return Replies.ok(PREFIX + ": success: reset-brick commit" + (force ? " force" : "")
                + " operation successful\n" + (marks.missed().isEmpty()
                        ? ""
                        : "note: not marked, heals nothing to it: " + marks.missed() + "\n"));
    }
}
