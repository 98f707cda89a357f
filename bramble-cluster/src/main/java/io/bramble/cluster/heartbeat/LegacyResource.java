package io.bramble.cluster.heartbeat;

import io.bramble.common.config.Location;
import java.util.List;

/**
 * One resource of a haresources line as Heartbeat reads it: {@code SCRIPT::ARG1::ARG2…}, or a
 * bare address, which Heartbeat takes as {@code IPaddr::ADDRESS}.
 *
 * @param where the line it is on
 * @param script the resource script's name ({@code IPaddr}, {@code Filesystem}, {@code httpd})
 * @param arguments what follows the script's name, split at {@code ::}
 * @param text the word as written
 */
public record LegacyResource(Location where, String script, List<String> arguments,
        String text) {
    public LegacyResource {
        arguments = List.copyOf(arguments);
    }

    /** Reads one word of a haresources line. */
    static LegacyResource of(Location where, String word) {
        List<String> parts = List.of(word.split("::", -1));
        if (parts.size() == 1 && looksLikeAddress(word)) {
            return new LegacyResource(where, "IPaddr", List.of(word), word);
        }
        return new LegacyResource(where, parts.getFirst(), parts.subList(1, parts.size()),
                word);
    }

    /** An IPv4 address, with Heartbeat's optional {@code /netmask/interface/broadcast}. */
    private static boolean looksLikeAddress(String word) {
        return word.split("/", -1)[0].matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
