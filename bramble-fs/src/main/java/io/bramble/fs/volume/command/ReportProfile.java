package io.bramble.fs.volume.command;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.profile.BrickCounters;
import io.bramble.fs.brick.profile.ProfileView;
import io.bramble.fs.brick.profile.TopKind;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.serve.BrickPerf;
import io.bramble.fs.volume.status.ProfileReportCodec;
import io.bramble.fs.volume.status.TopReport;
import io.bramble.fs.volume.status.TopReportCodec;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code volume brick-profile VOLNAME HOST PATH WHAT...}, asked of the member that holds the
 * brick by the node that runs {@code volume profile} or {@code volume top}:
 * <ul>
 * <li>{@code follow}: start or stop the brick's profile now, as the volume's options say;
 * <li>{@code info [peek|incremental [peek]|cumulative|clear]}: its windows
 *     ({@link ProfileReportCodec});
 * <li>{@code top KIND N}: its N most called files of a {@link TopKind}
 *     ({@link TopReportCodec});
 * <li>{@code top-clear}: its rankings started again;
 * <li>{@code perf read|write BS COUNT}: a measurement of its disk ({@link BrickPerf}).
 * </ul>
 */
final class ReportProfile implements VolumeVerb {
    static final String VERB = "brick-profile";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() >= 4 && args.get(2).startsWith("/"), "volume " + VERB
                + " VOLNAME HOST PATH follow|info|top|perf ...");
        VolumeSpec volume = ctx.require("volume " + VERB, args.get(0));
        Brick brick = new Brick(args.get(1), args.get(2), ctx.node.id());
        BrickCounters counters = ctx.service.bricks().counters(brick).orElseThrow(
                () -> VolumeFailure.failed("brick " + brick.shown() + " is not served here"));
        List<String> what = args.subList(4, args.size());
        try {
            return answer(ctx, volume, brick, counters, args.get(3), what);
        } catch (NumberFormatException e) {
            throw VolumeFailure.usage("volume " + VERB + ": not a number: " + e.getMessage());
        }
    }

    private static CommandReply answer(VolumeContext ctx, VolumeSpec volume, Brick brick,
            BrickCounters counters, String asked, List<String> what) {
        long nowNs = counters.clock().nanoTime();
        return switch (asked) {
            case "follow" -> {
                ctx.service.bricks().follow(volume, brick);
                yield Replies.ok("");
            }
            case "info" -> Replies.ok(ProfileReportCodec.encode(counters.profile().info(
                    ProfileView.of(String.join(" ", what)).orElseThrow(() -> VolumeFailure
                            .usage("no profile view " + what)),
                    nowNs)));
            case "top" -> top(counters, what);
            case "top-clear" -> {
                counters.top().clear(counters.clock().epochMillis());
                yield Replies.ok("");
            }
            case "perf" -> perf(brick, what, counters.clock());
            default -> throw VolumeFailure.usage("volume " + VERB + ": no " + asked);
        };
    }

    private static CommandReply top(BrickCounters counters, List<String> what) {
        Replies.usage(what.size() == 2, "volume " + VERB + " ... top KIND N");
        TopKind kind = Arrays.stream(TopKind.values()).filter(k -> k.word().equals(what.get(0)))
                .findFirst().orElseThrow(() -> VolumeFailure.usage("no top " + what.get(0)));
        int shown = Integer.parseInt(what.get(1));
        return Replies.ok(TopReportCodec.encode(kind == TopKind.OPEN
                ? Optional.of(counters.top().openFiles())
                : Optional.empty(), counters.top().top(kind, shown), Optional.empty()));
    }

    private static CommandReply perf(Brick brick, List<String> what, Clock clock) {
        Replies.usage(what.size() == 3, "volume " + VERB + " ... perf read|write BS COUNT");
        int blockBytes = Integer.parseInt(what.get(1));
        int blocks = Integer.parseInt(what.get(2));
        if (blockBytes < 1 || blocks < 1 || (long) blockBytes * blocks > BrickPerf.BYTES_MAX) {
            throw VolumeFailure.usage("a measurement of " + blocks + " blocks of " + blockBytes
                    + " bytes");
        }
        try {
            TopReport.Throughput measured = what.get(0).equals("read")
                    ? BrickPerf.read(Path.of(brick.path()), blockBytes, blocks, clock)
                    : BrickPerf.write(Path.of(brick.path()), blockBytes, blocks, clock);
            return Replies.ok(TopReportCodec.encode(Optional.empty(), List.of(), Optional.of(
                    measured)));
        } catch (IOException e) {
            throw VolumeFailure.failed("cannot measure " + brick.shown() + ": " + e
                    .getMessage());
        }
    }
}
