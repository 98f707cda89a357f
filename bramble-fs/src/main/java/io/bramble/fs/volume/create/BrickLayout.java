package io.bramble.fs.volume.create;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where a new volume's bricks lie against each other and against the volumes there are. */
public final class BrickLayout {
    private BrickLayout() {
    }

    /**
     * A brick that is, contains or lies inside another brick on the same member, new or of an
     * existing volume; two volumes writing one folder would destroy each other's files.
     */
    public static Optional<String> overlap(List<Brick> bricks, List<VolumeSpec> existing) {
        for (int i = 0; i < bricks.size(); i++) {
            Brick brick = bricks.get(i);
            boolean taken = bricks.subList(0, i).stream().anyMatch(b -> nested(b, brick))
                    || existing.stream().flatMap(v -> v.bricks().stream())
                            .anyMatch(b -> nested(b, brick));
            if (taken) {
                return Optional.of("Brick: " + brick.shown() + " not available. Brick may be"
                        + " containing or be contained by an existing brick.");
            }
        }
        return Optional.empty();
    }

    /**
     * Gluster's refusal of a replica set with two bricks on one member (the member's loss
     * would take both copies); {@code force} overrides it.
     */
    public static Optional<String> sameServer(List<Brick> bricks, int replicaCount) {
        return sameServer(bricks, replicaCount, "replicate");
    }

    /**
     * Gluster's refusal of a set of {@code setSize} bricks (a replica set, or a disperse set
     * when {@code kind} is {@code disperse}) with two bricks on one member: the member's loss
     * would take both.
     */
    public static Optional<String> sameServer(List<Brick> bricks, int setSize, String kind) {
        if (setSize < 2) {
            return Optional.empty();
        }
        for (int set = 0; set < bricks.size() / setSize; set++) {
            Set<UUID> members = new HashSet<>();
            for (Brick b : bricks.subList(set * setSize, (set + 1) * setSize)) {
                if (!members.add(b.nodeId())) {
                    return Optional.of("Multiple bricks of a " + kind + " volume are present on"
                            + " the same server. This setup is not optimal. Bricks should be on"
                            + " different nodes to have best fault tolerant configuration. Use"
                            + " 'force' at the end of the command if you want to override this"
                            + " behavior.");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether two bricks on one member are the same folder or one holds the other. */
    static boolean nested(Brick a, Brick b) {
        return a.nodeId().equals(b.nodeId()) && (within(a.path(), b.path())
                || within(b.path(), a.path()));
    }

    private static boolean within(String inner, String outer) {
        return inner.equals(outer) || outer.equals("/") || inner.startsWith(outer + "/");
    }
}
