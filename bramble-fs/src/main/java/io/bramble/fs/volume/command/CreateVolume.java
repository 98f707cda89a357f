package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeCodec;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.create.BrickLayout;
import io.bramble.fs.volume.create.CreateLine;
import io.bramble.fs.volume.create.CreateRequest;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.UUID;

/**
 * {@code volume create NAME [stripe N] [replica N [arbiter 1]] [disperse [N]] [disperse-data
 * D] [redundancy M] [transport tcp] HOST:PATH... [force]}: Gluster's checks in Gluster's order
 * (the line, the name, the hosts, bricks inside bricks, bricks of a replica or disperse set on
 * one server, each brick's folder on its own machine), then the
 * folders are made and the volume recorded, {@code Created}.
 */
final class CreateVolume implements VolumeVerb {
    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        CreateRequest request = switch (CreateLine.read(args)) {
            case CreateRequest r -> r;
            case CreateLine.Refused r -> throw VolumeFailure.usage(r.message() + (r.showUsage()
                    ? "\n" + CreateLine.USAGE
                    : ""));
        };
        String prefix = "volume create: " + request.name();
        ClusterStore store = ctx.store(prefix);
        if (ctx.find(request.name()).isPresent()) {
            throw VolumeFailure.failed(prefix, exists(request.name()));
        }
        List<Brick> bricks = BrickMembers.placeAll(ctx, prefix, request.bricks());
        BrickLayout.overlap(bricks, ctx.volumes()).ifPresent(why -> {
            throw VolumeFailure.failed(prefix, why);
        });
        if (!request.force()) {
            boolean disperse = request.disperseCount() > 0;
            BrickLayout.sameServer(bricks, disperse
                    ? request.disperseCount()
                    : request.replicaCount(), disperse ? "disperse" : "replicate").ifPresent(
                            why -> {
                                throw VolumeFailure.failed(prefix, why);
                            });
        }
        BrickMembers.checkAndMake(ctx, prefix, bricks, request.force());
        VolumeSpec volume = new VolumeSpec(request.name(), UUID.randomUUID(),
                request.stripeCount(), request.replicaCount(), request.arbiter(),
                request.transport(), bricks, VolumeStatus.CREATED, VolumeOptions.atCreate(),
                request.disperseCount(), request.redundancyCount());
        try {
            ctx.awaitEverywhere(request.name(), store.put(VolumeCodec.TYPE, request.name(), volume,
                    ClusterStore.NEW).version());
        } catch (StoreException e) {
            throw VolumeFailure.failed(prefix,
                    e.reason() == StoreException.Reason.VERSION_CONFLICT
                            ? exists(request.name())
                            : e.getMessage());
        }
        return Replies.ok(prefix + ": success: please start the volume to access data\n");
    }

    private static String exists(String name) {
        return "Volume " + name + " already exists";
    }
}
