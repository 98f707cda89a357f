package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.fs.volume.spec.ClientSpecText;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.pool.member.Member;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;

/**
 * {@code volume getspec NAME}, for the mount client: the volume's definition and where each
 * brick is served now, as {@link ClientSpecText} writes it.
 */
final class GetSpec implements VolumeVerb {
    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 1, "volume getspec <VOLNAME>");
        String name = args.getFirst();
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                VolumeContext.notFound(name))).value();
        List<BrickEndpoint> endpoints = ctx.reports(volume, false).stream().map(
                r -> endpoint(ctx, r)).toList();
        return Replies.ok(ClientSpecText.encode(new ClientSpec(volume, endpoints)));
    }

    private static BrickEndpoint endpoint(VolumeContext ctx, BrickReport report) {
        String address = ctx.node.members().byId(report.brick().nodeId()).map(Member::address)
                .orElse(report.brick().host());
        return new BrickEndpoint(report.brick(), address, report.tcpPort(), report.online());
    }
}
