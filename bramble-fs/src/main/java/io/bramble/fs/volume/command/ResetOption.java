package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.option.VolumeOption;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code volume reset NAME [OPTION|all] [force]}: back to the defaults, one option or all of
 * them. {@code force} is taken and changes nothing: bramble has no option that needs it. A
 * stripe volume started once keeps its {@code cluster.stripe-block-size}: its files are
 * striped in that block, and another would read them wrong.
 */
final class ResetOption implements VolumeVerb {
    private static final String PREFIX = "volume reset";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        boolean force = !args.isEmpty() && args.getLast().equals("force");
        List<String> rest = force ? args.subList(0, args.size() - 1) : args;
        Replies.usage(rest.size() == 1 || rest.size() == 2,
                "volume reset <VOLNAME> [option] [force]");
        String name = rest.getFirst();
        ctx.require(PREFIX, name);
        String typed = rest.size() == 2 ? rest.get(1) : "all";
        String key = typed.equals("all")
                ? null
                : VolumeOptions.resolve(typed).map(VolumeOption::name).orElseThrow(
                        () -> VolumeFailure.failed(PREFIX, VolumeOptions.unknown(typed)));
        ctx.update(PREFIX, name, v -> {
            Map<String, String> options = new LinkedHashMap<>(v.options());
            String block = VolumeOptions.STRIPE_BLOCK_SIZE;
            boolean blockFixed = v.stripeCount() > 1 && v.status() != VolumeStatus.CREATED;
            if (blockFixed && block.equals(key)) {
                throw VolumeFailure.failed(PREFIX, block + " of a stripe volume stays as it"
                        + " is once the volume has been started: its files are striped in"
                        + " that block");
            }
            String kept = blockFixed ? options.get(block) : null;
            if (key == null) {
                options.clear();
            } else {
                options.remove(key);
            }
            if (kept != null) {
                options.put(block, kept);
            }
            return v.withOptions(options);
        });
        ctx.service.reconcileSoon();
        return Replies.ok(PREFIX + ": success: reset volume successful\n");
    }
}
