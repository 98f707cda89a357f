package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.text.VolumeStatusDetailText;
import io.bramble.fs.volume.text.VolumeStatusText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.List;
import java.util.Set;

/**
 * {@code volume status [all|NAME] [detail]}: each brick as its own member reports it (a
 * member that is down shows its bricks offline), in Gluster's table or, with {@code detail},
 * its blocks with the disk under each brick.
 */
final class StatusVolume implements VolumeVerb {
    /** Gluster's other status views, which bramble does not have yet. */
    private static final Set<String> NOT_YET = Set.of("clients", "mem", "inode", "fd",
            "callpool", "tasks", "client-list", "nfs", "shd", "quotad");

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        boolean detail = !args.isEmpty() && args.getLast().equals("detail");
        List<String> rest = detail ? args.subList(0, args.size() - 1) : args;
        rest.stream().filter(NOT_YET::contains).findFirst().ifPresent(word -> {
            throw VolumeFailure.usage("volume status: '" + word + "' is not supported by"
                    + " bramble yet; it shows 'volume status [all|<VOLNAME>] [detail]'");
        });
        Replies.usage(rest.size() <= 1, "volume status [all|<VOLNAME>] [detail]");
        if (rest.isEmpty() || rest.getFirst().equals("all")) {
            List<VolumeSpec> volumes = ctx.volumes();
            if (volumes.isEmpty()) {
                return Replies.ok(InfoVolume.NO_VOLUMES);
            }
            StringBuilder out = new StringBuilder();
            volumes.forEach(v -> out.append(v.status() == VolumeStatus.STARTED
                    ? render(ctx, v, detail)
                    : notStarted(v.name()) + "\n"));
            return Replies.ok(out.toString());
        }
        String name = rest.getFirst();
        VolumeSpec volume = ctx.find(name).orElseThrow(() -> VolumeFailure.failed(
                VolumeContext.notFound(name))).value();
        if (volume.status() != VolumeStatus.STARTED) {
            throw VolumeFailure.failed(notStarted(name));
        }
        return Replies.ok(render(ctx, volume, detail));
    }

    private static String notStarted(String name) {
        return "Volume " + name + " is not started";
    }

    private static String render(VolumeContext ctx, VolumeSpec volume, boolean detail) {
        var reports = ctx.reports(volume, detail);
        return detail
                ? VolumeStatusDetailText.render(volume, reports)
                : VolumeStatusText.render(volume, reports);
    }
}
