package io.bramble.fs.volume.command;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.option.VolumeOption;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.fs.volume.text.OptionTableText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code volume get NAME OPTION|all}: the values in Gluster's two-column table; a value the
 * volume has not set shows its default, marked {@code (DEFAULT)}.
 */
final class GetOption implements VolumeVerb {
    private static final String PREFIX = "volume get option";

    @Override
    public CommandReply run(VolumeContext ctx, List<String> args) {
        Replies.usage(args.size() == 2, "volume get <VOLNAME> <KEY|all>");
        VolumeSpec volume = ctx.require(PREFIX, args.getFirst());
        String typed = args.get(1);
        List<VolumeOption> shown = typed.equals("all")
                ? VolumeOptions.all()
                : List.of(VolumeOptions.resolve(typed).orElseThrow(() -> VolumeFailure.failed(
                        PREFIX, VolumeOptions.unknown(typed))));
        Map<String, String> values = new LinkedHashMap<>();
        shown.forEach(o -> values.put(o.name(), VolumeOptions.shown(o, volume)));
        return Replies.ok(OptionTableText.render(values));
    }
}
