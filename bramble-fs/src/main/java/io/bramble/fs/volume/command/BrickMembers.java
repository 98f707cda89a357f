package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.create.BrickAddress;
import io.bramble.fs.volume.create.BrickPlacement;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The members that hold bricks, as the brick commands find them and run steps on them. */
final class BrickMembers {
    private BrickMembers() {
    }

    /** The member a new brick's host names, up and able to hold bricks; else the failure. */
    static Member place(VolumeContext ctx, String prefix, String host) {
        Member member = BrickPlacement.member(host, ctx.node.members(),
                VolumeContext::addresses).orElseThrow(
                        () -> VolumeFailure.failed(prefix,
                                BrickPlacement.notMember(host)));
        if (member.role() == Role.WITNESS) {
            throw VolumeFailure.failed(prefix, "Host " + host + " is a witness of the pool: it"
                    + " keeps no volumes, so it cannot hold a brick");
        }
        if (!ctx.connectedSoon(member)) {
            throw VolumeFailure.failed(prefix, BrickPlacement.notConnected(host));
        }
        return member;
    }

    /** A brick at each of {@code addresses}, each on its member ({@link #place}). */
    static List<Brick> placeAll(VolumeContext ctx, String prefix,
            List<BrickAddress> addresses) {
        List<Brick> bricks = new ArrayList<>();
        for (BrickAddress address : addresses) {
            Member member = place(ctx, prefix, address.host());
            bricks.add(new Brick(address.host(), address.path(), member.id()));
        }
        return bricks;
    }

    /**
     * Runs Gluster's checks of every new brick's folder on its member ({@code force} passes
     * over those Gluster lets it), then, once all passed, makes every folder a brick.
     */
    static void checkAndMake(VolumeContext ctx, String prefix, List<Brick> bricks,
            boolean force) {
        List<Member> members = bricks.stream().map(b -> ctx.node.members().byId(b.nodeId())
                .orElseThrow(() -> VolumeFailure.failed(prefix, BrickPlacement.notMember(
                        b.host()))))
                .toList();
        for (int i = 0; i < bricks.size(); i++) {
            List<String> check = new ArrayList<>(List.of("volume", CheckBrickFolder.VERB,
                    bricks.get(i).host(), bricks.get(i).path()));
            if (force) {
                check.add("force");
            }
            onHost(ctx, prefix, members.get(i), check);
        }
        for (int i = 0; i < bricks.size(); i++) {
            onHost(ctx, prefix, members.get(i), List.of("volume", MakeBrickFolder.VERB,
                    bricks.get(i).host(), bricks.get(i).path()));
        }
    }

    /**
     * Runs a brick folder step ({@code volume VERB HOST PATH ...}) on {@code member}; its
     * refusal is the command's.
     */
    static void onHost(VolumeContext ctx, String prefix, Member member, List<String> args) {
        CommandReply reply;
        try {
            reply = ctx.call(member, args);
        } catch (IOException e) {
            throw VolumeFailure.failed(prefix, BrickPlacement.notConnected(args.get(2)));
        }
        if (reply.exitCode() != 0) {
            throw VolumeFailure.failed(prefix, reply.err().strip());
        }
    }

    /** Whether the member of {@code brick} is connected now. */
    static boolean connected(VolumeContext ctx, Brick brick) {
        return ctx.node.members().byId(brick.nodeId()).filter(ctx::connected).isPresent();
    }

    /** Runs {@code args} on the member of {@code brick}; what went wrong, if anything. */
    static Optional<String> ask(VolumeContext ctx, Brick brick, List<String> args) {
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
