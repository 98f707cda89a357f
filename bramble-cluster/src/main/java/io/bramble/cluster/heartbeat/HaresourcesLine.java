package io.bramble.cluster.heartbeat;

import io.bramble.common.config.Location;
import java.util.List;

/**
 * One line of haresources: the node the resources run on first, and the resources, started
 * left to right and stopped right to left.
 */
public record HaresourcesLine(Location where, String node, List<LegacyResource> resources) {
    public HaresourcesLine {
        resources = List.copyOf(resources);
    }

    /** Reads {@code text}, the contents of haresources named {@code file}. */
    public static List<HaresourcesLine> read(String file, String text) {
        return HeartbeatLines.read(file, text).stream().map(line -> {
            if (line.words().size() < 2) {
                throw new HeartbeatException(file, line.where().line(), line.words().getFirst()
                        + ": a haresources line names a node and then its resources");
            }
            return new HaresourcesLine(line.where(), line.words().getFirst(),
                    line.words().subList(1, line.words().size()).stream()
                            .map(word -> LegacyResource.of(line.where(), word)).toList());
        }).toList();
    }
}
