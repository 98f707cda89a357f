package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.status.PendingReportCodec;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code volume brick-pending HOST PATH}, asked of the member that holds the brick by the node
 * that runs {@code volume heal NAME info}: the brick's index of marked files
 * ({@link PendingReportCodec}), with how far the node's heal from it got while one runs.
 */
final class ReportPending implements VolumeVerb {
    static final String VERB = "brick-pending";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 2 && args.get(1).startsWith("/"), "volume " + VERB
                + " HOST PATH");
        Brick brick = new Brick(args.get(0), args.get(1), ctx.node.id());
        Optional<String> report;
        try {
            report = ctx.service.bricks().pending(brick);
        } catch (IOException e) {
            throw VolumeFailure.failed(e.getMessage());
        }
        String text = report.orElseThrow(() -> VolumeFailure.failed("brick " + brick.shown()
                + " is not served here"));
        return Replies.ok(ctx.service.heal().running(brick).map(run -> PendingReportCodec
                .withHealing(text, run)).orElse(text));
    }
}
