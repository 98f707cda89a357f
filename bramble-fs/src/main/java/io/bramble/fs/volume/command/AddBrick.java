package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.create.AddBrickCounts;
import io.bramble.fs.volume.create.AddBrickLine;
import io.bramble.fs.volume.create.AddBrickRequest;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume add-brick NAME [replica N [arbiter 1]] [stripe N] BRICK... [force]}: the line
 * and its counts are checked as Gluster checks them, with its messages, and then the growth
 * itself is refused. A running mount builds its subvolumes once and a directory made before
 * the growth would be missing on the new bricks, so a volume that took new subvolumes would
 * place and look up files differently from mount to mount; until mounts follow the record,
 * bramble grows no volume, and says what to do instead.
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
        throw VolumeFailure.failed(PREFIX, "not supported by bramble yet: adding bricks to a"
                + " volume (running mounts would not follow the new subvolumes); to use the new"
                + " bricks, create another volume over them (volume create NAME ...) and mount"
                + " it beside " + volume.name());
    }
}
