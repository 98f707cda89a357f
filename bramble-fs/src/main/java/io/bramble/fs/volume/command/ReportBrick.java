package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.disk.DiskProbe;
import io.bramble.fs.volume.serve.BrickStatus;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.fs.volume.status.BrickReportCodec;
import io.bramble.fs.volume.status.DiskFacts;
import io.bramble.pool.wire.Message.CommandReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code volume brick-status HOST PATH [detail]}, asked of the member that holds the brick by
 * the node that runs {@code volume status} or {@code getspec}: what this node's brick host
 * says of it and, with {@code detail}, the disk under it.
 */
final class ReportBrick implements VolumeVerb {
    static final String VERB = "brick-status";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage((args.size() == 2 || (args.size() == 3 && args.get(2).equals("detail")))
                && args.get(1).startsWith("/"), "volume " + VERB + " HOST PATH [detail]");
        Brick brick = new Brick(args.get(0), args.get(1), ctx.node.id());
        BrickStatus status = ctx.service.bricks().status(brick);
        Optional<DiskFacts> disk = args.size() == 3
                ? Optional.of(DiskProbe.of(Path.of(brick.path())))
                : Optional.empty();
        return Replies.ok(BrickReportCodec.encode(new BrickReport(brick, status.online(),
                status.tcpPort(), 0, status.pid(), disk)));
    }
}
