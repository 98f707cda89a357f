package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.option.VolumeOption;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code volume set NAME OPTION VALUE [OPTION VALUE]...}: checks every pair against the
 * option table, then records them in one change. Options bramble records but does not act on
 * yet get a note saying so.
 */
final class SetOption implements VolumeVerb {
    private static final String PREFIX = "volume set";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() >= 3 && args.size() % 2 == 1,
                "volume set <VOLNAME> <KEY> <VALUE>");
        String name = args.getFirst();
        if (name.equals("all")) {
            throw VolumeFailure.failed(PREFIX, "bramble has no cluster-wide volume options;"
                    + " set options on a volume, or pool-wide settings with 'pool set'");
        }
        VolumeSpec volume = ctx.require(PREFIX, name);
        Map<String, String> changes = new LinkedHashMap<>();
        StringBuilder notes = new StringBuilder();
        for (int i = 1; i < args.size(); i += 2) {
            String typed = args.get(i);
            VolumeOption option = VolumeOptions.resolve(typed).orElseThrow(
                    () -> VolumeFailure.failed(PREFIX, VolumeOptions.unknown(typed)));
            VolumeOptions.problem(option, args.get(i + 1), volume).ifPresent(why -> {
                throw VolumeFailure.failed(PREFIX, why);
            });
            changes.put(option.name(), args.get(i + 1));
            if (!option.inEffect()) {
                notes.append("note: bramble keeps ").append(option.name()).append(" but does"
                        + " not act on it yet (docs/fs.md, Volume options)\n");
            }
        }
        ctx.update(PREFIX, name, v -> {
            Map<String, String> options = new LinkedHashMap<>(v.options());
            options.putAll(changes);
            return v.withOptions(options);
        });
        ctx.service.reconcileSoon();
        return Replies.ok(PREFIX + ": success\n", notes.toString());
    }
}
