package io.bramble.cluster.fence;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a fence agent reads on stdin, as Pacemaker's fencer writes it: {@code action=},
 * the target's plug under the device's {@code pcmk_host_argument} ({@code port} by default),
 * {@code nodename=} the target, then the device's own attributes, the fencer's
 * {@code pcmk_*} ones left out. One {@code key=value} a line.
 */
public final class FenceRequest {
    private FenceRequest() {
    }

    public static String stdin(FenceAction action, Map<String, String> device,
            Optional<String> target, Optional<String> plug) {
        StringBuilder out = new StringBuilder();
        out.append("action=").append(action.word()).append('\n');
        plug.ifPresent(p -> out.append(device.getOrDefault("pcmk_host_argument", "port"))
                .append('=').append(p).append('\n'));
        target.ifPresent(t -> out.append("nodename=").append(t).append('\n'));
        new TreeMap<>(device).forEach((key, value) -> {
            if (!key.startsWith("pcmk_") && !key.equals("action") && !key.equals("port")
                    && !key.equals("plug") && !key.equals("nodename")) {
                out.append(key).append('=').append(value.replace("\n", " ")).append('\n');
            }
        });
        return out.toString();
    }
}
