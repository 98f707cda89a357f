package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.pool.member.Member;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

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
        int index = volume.bricks().indexOf(brick);
        int size = volume.healSetSize();
        int first = index / size * size;
        int copy = index - first;
        int marked = 0;
        StringBuilder missed = new StringBuilder();
        for (Brick other : volume.bricks().subList(first, first + size)) {
            if (other.equals(brick)) {
                continue;
            }
            Optional<String> failure = ask(ctx, other, List.of("volume", BlameCopy.VERB,
                    other.host(), other.path(), String.valueOf(copy)));
            if (failure.isEmpty()) {
                marked++;
            } else {
                missed.append(missed.isEmpty() ? "" : "; ").append(other.shown()).append(": ")
                        .append(failure.get());
            }
        }
        if (marked == 0) {
            throw VolumeFailure.failed(PREFIX, "no other brick of " + brick.shown()
                    + "'s set could be marked to heal it from (" + missed + "); run the"
                    + " command again once one is up");
        }
        ask(ctx, brick, List.of("volume", ResetBrickFolder.VERB, brick.host(), brick.path()))
                .ifPresent(why -> {
                    throw VolumeFailure.failed(PREFIX, why);
                });
        return Replies.ok(PREFIX + ": success: reset-brick commit" + (force ? " force" : "")
                + " operation successful\n" + (missed.isEmpty()
                        ? ""
                        : "note: not marked, heals nothing to it: " + missed + "\n"));
    }

    /** Runs {@code args} on the member of {@code brick}; what went wrong, if anything. */
    private static Optional<String> ask(VolumeContext ctx, Brick brick, List<String> args) {
        Optional<Member> member = ctx.node.members().byId(brick.nodeId());
        if (member.isEmpty() || !ctx.connected(member.get())) {
            return Optional.of("its node is not connected");
        }
        try {
            CommandReply reply = ctx.call(member.get(), args);
            return reply.exitCode() == 0
                    ? Optional.empty()
                    : Optional.of(reply.err().strip());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
