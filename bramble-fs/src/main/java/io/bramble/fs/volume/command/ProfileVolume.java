package io.bramble.fs.volume.command;

import io.bramble.fs.brick.profile.ProfileView;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.fs.volume.status.ProfileReport;
import io.bramble.fs.volume.status.ProfileReportCodec;
import io.bramble.fs.volume.text.ProfileInfoText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code volume profile NAME start|info [peek|incremental [peek]|cumulative|clear]|stop}, as
 * Gluster runs it: start and stop set Gluster's two diagnostics options (so that
 * {@code volume info} shows them, and bricks served later follow them) and have each brick's
 * member follow them at once; info asks each brick's member for its windows
 * ({@link ReportProfile}) and lists the bricks that answered.
 */
final class ProfileVolume implements VolumeVerb {
    static final String USAGE = "volume profile <VOLNAME> {start|info [peek|incremental"
            + " [peek]|cumulative|clear]|stop} [nfs]";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() >= 2, USAGE);
        if (args.getLast().equals("nfs")) {
            throw VolumeFailure.failed("volume profile: bramble has no NFS server (volumes are"
                    + " reached through 'bramble mount'); profile the bricks without 'nfs'");
        }
        String name = args.getFirst();
        String op = args.get(1);
        List<String> rest = args.subList(2, args.size());
        Replies.usage(op.equals("info") || rest.isEmpty(), USAGE);
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                VolumeContext.notFound(name))).value();
        return switch (op) {
            case "start" -> start(ctx, volume);
            case "stop" -> stop(ctx, volume);
            case "info" -> info(ctx, volume, ProfileView.of(String.join(" ", rest)).orElseThrow(
                    () -> VolumeFailure.usage("Usage: " + USAGE)));
            default -> throw VolumeFailure.usage("Usage: " + USAGE);
        };
    }

    private static CommandReply start(VolumeContext ctx, VolumeSpec volume) {
        if (VolumeOptions.profiled(volume)) {
            throw VolumeFailure.failed("Profile on Volume " + volume.name()
                    + " is already started");
        }
        follow(ctx, set(ctx, volume, "on"));
        return Replies.ok("Starting volume profile on " + volume.name()
                + " has been successful \n");
    }

    private static CommandReply stop(VolumeContext ctx, VolumeSpec volume) {
        notStarted(volume);
        follow(ctx, set(ctx, volume, "off"));
        return Replies.ok("Stopping volume profile on " + volume.name()
                + " has been successful \n");
    }

    private static void notStarted(VolumeSpec volume) {
        if (!VolumeOptions.profiled(volume)) {
            throw VolumeFailure.failed("Profile on Volume " + volume.name() + " is not started");
        }
    }

    /** Both options to {@code value}, shown by {@code volume info} as Gluster shows them. */
    private static VolumeSpec set(VolumeContext ctx, VolumeSpec volume, String value) {
        return ctx.update("volume profile", volume.name(), v -> {
            Map<String, String> options = new LinkedHashMap<>(v.options());
            options.remove(VolumeOptions.LATENCY_MEASUREMENT);
            options.remove(VolumeOptions.COUNT_FOP_HITS);
            options.put(VolumeOptions.LATENCY_MEASUREMENT, value);
            options.put(VolumeOptions.COUNT_FOP_HITS, value);
            return v.withOptions(options);
        });
    }

    /**
     * Has each brick's member follow the options now; a member that does not answer follows
     * them when it reads the store again.
     */
    private static void follow(VolumeContext ctx, VolumeSpec volume) {
        ctx.service.reconcileSoon();
        if (volume.status() == VolumeStatus.STARTED) {
            VolumeContext.askEach(volume, brick -> ctx.askBrick(brick, args(volume, brick,
                    "follow")));
        }
    }

    private static CommandReply info(VolumeContext ctx, VolumeSpec volume, ProfileView view) {
        notStarted(volume);
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed("Volume " + volume.name() + " is not started.");
        }
        List<String> words = view.words().isEmpty()
                ? List.of()
                : List.of(view.words().split(
                        " "));
        List<ProfileReport> reports = VolumeContext.askEach(volume, brick -> ctx.askBrick(
                brick, args(volume, brick, "info", words)).flatMap(
                        text -> ProfileReportCodec
                                .decode(brick, text))
                .orElse(ProfileReport.unreachable(brick)));
        if (ProfileInfoText.noneAnswered(reports)) {
            throw VolumeFailure.failed("All bricks of volume " + volume.name() + " are down.");
        }
        return Replies.ok(ProfileInfoText.render(reports, view == ProfileView.CLEAR));
    }

    /** The words asking {@code brick}'s member for {@code what}. */
    static List<String> args(VolumeSpec volume, Brick brick, String what, List<String> more) {
        List<String> words = new ArrayList<>(List.of("volume", ReportProfile.VERB,
                volume.name(), brick.host(), brick.path(), what));
        words.addAll(more);
        return words;
    }

    private static List<String> args(VolumeSpec volume, Brick brick, String what) {
        return args(volume, brick, what, List.of());
    }
}
