package io.bramble.fs.volume.command;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.serve.BrickPerf;
import io.bramble.fs.volume.status.TopReport;
import io.bramble.fs.volume.status.TopReportCodec;
import io.bramble.fs.volume.text.TopText;
import io.bramble.pool.wire.Message.CommandReply;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code volume top NAME open|read|write|opendir|readdir [brick HOST:PATH] [list-cnt N]},
 * {@code volume top NAME read-perf|write-perf bs SIZE count N [brick HOST:PATH]} and
 * {@code volume top NAME clear [brick HOST:PATH]}: each brick's member answers with its most
 * called files, measures its disk or starts its rankings again ({@link ReportProfile}); the
 * bricks that answered are listed in Gluster's layout. Counting needs no
 * {@code profile start}, as in Gluster.
 */
final class TopVolume implements VolumeVerb {
    private static final String FAILED = "volume top unsuccessful";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(!args.isEmpty(), TopLine.USAGE);
        String name = args.getFirst();
        TopRequest request = TopLine.read(args.subList(1, args.size()));
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> failed(VolumeContext.notFound(
                name))).value();
        if (volume.status() != VolumeStatus.STARTED) {
            throw failed("Volume " + name + " is not started.");
        }
        if ((long) request.blockBytes() * request.blocks() > BrickPerf.BYTES_MAX) {
            throw failed("bramble measures at most " + BrickPerf.BYTES_MAX / (1024 * 1024)
                    + " MiB on a brick (the answer must come within the "
                    + VolumeContext.MEMBER_CALL_MS / 1000 + " s a node waits for another);"
                    + " give a smaller bs or count");
        }
        List<Brick> asked = volume.bricks().stream().filter(b -> request.brick().map(
                b.shown()::equals).orElse(true)).toList();
        if (asked.isEmpty()) {
            throw failed("No brick " + request.brick().orElseThrow() + " in volume " + name);
        }
        if (request.clear()) {
            return clear(ctx, volume, asked);
        }
        List<TopReport> reports = VolumeContext.askEach(asked, brick -> ctx.askBrick(brick,
                ProfileVolume.args(volume, brick, request.perf() ? "perf" : "top", what(
                        request)))
                .flatMap(text -> TopReportCodec.decode(brick, text)).orElse(
                        TopReport.unreachable(brick)));
        if (reports.stream().noneMatch(TopReport::reachable)) {
            throw failed("No brick of volume " + name + " answered: their members are down,"
                    + " or do not serve them");
        }
        return Replies.ok(TopText.render(reports, ZoneId.systemDefault()));
    }

    /** Gluster's line per brick asked, whether its member cleared it or not. */
    private static CommandReply clear(VolumeContext ctx, VolumeSpec volume, List<Brick> asked) {
        List<Boolean> cleared = VolumeContext.askEach(asked, brick -> ctx.askBrick(brick,
                ProfileVolume.args(volume, brick, "top-clear", List.of())).isPresent());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < asked.size(); i++) {
            out.append(cleared.get(i)
                    ? "Cleared stats for brick "
                    : "Failed to clear stats"
                            + " for brick ")
                    .append(asked.get(i).shown()).append('\n');
        }
        return Replies.ok(out.toString());
    }

    private static List<String> what(TopRequest request) {
        return request.perf()
                ? List.of(request.readPerf() ? "read" : "write", String.valueOf(request
                        .blockBytes()), String.valueOf(request.blocks()))
                : List.of(request.kind().orElseThrow().word(), String.valueOf(request
                        .listCount()));
    }

    private static VolumeFailure failed(String why) {
        return VolumeFailure.failed(why + "\n" + FAILED);
    }
}
