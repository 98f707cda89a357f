package io.bramble.cluster.fence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which plug of a device fences a node, as Pacemaker's fencer decides it from the device's
 * attributes: {@code pcmk_host_map} ("node1:1;node2:2,3", with ":" or "=" after the node and
 * ";", "," or spaces between entries) names the plug; else {@code pcmk_host_list} says which
 * nodes the device can fence, each by its own name; with neither, the device fences any node
 * by its name.
 */
public final class FenceTarget {
    /** Entries read from a host map; far more than nodes in any cluster. */
    static final int HOST_MAP_ENTRIES_MAX = 1024;

    private FenceTarget() {
    }

    /** The plug for {@code node}, or empty when the device cannot fence it. */
    public static Optional<String> plugFor(Map<String, String> device, String node) {
        String map = device.get("pcmk_host_map");
        if (map != null && !map.isBlank()) {
            return Optional.ofNullable(hostMap(map).get(node));
        }
        String list = device.get("pcmk_host_list");
        if (list != null && !list.isBlank()) {
            List<String> nodes = List.of(list.strip().split("[\\s,;]+"));
            return nodes.contains(node) ? Optional.of(node) : Optional.empty();
        }
        return Optional.of(node);
    }

    /** Parses a host map: node to plug ("2,3" stays one plug text as the agent takes it). */
    static Map<String, String> hostMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : text.strip().split("[;\\s]+")) {
            if (map.size() == HOST_MAP_ENTRIES_MAX) {
                break;
            }
            int separator = indexOfSeparator(entry);
            if (separator > 0 && separator < entry.length() - 1) {
                map.put(entry.substring(0, separator), entry.substring(separator + 1));
            }
        }
        return map;
    }

    private static int indexOfSeparator(String entry) {
        int colon = entry.indexOf(':');
        int equals = entry.indexOf('=');
        if (colon < 0) {
            return equals;
        }
        return equals < 0 ? colon : Math.min(colon, equals);
    }
}
