package io.bramble.fs.volume.serve;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What this node must change so that it serves exactly the bricks it holds of the started
 * volumes: given what it serves and the volumes in the store, the bricks to stop (first, so
 * a folder passed from a deleted volume to a new one is free) and those to serve.
 */
public final class ServePlan {
    /** A served brick: the volume it belongs to (by id, which survives a rename) and path. */
    public record Key(UUID volumeId, String path) {}

    /** One change. */
    public sealed interface Step {
        VolumeSpec volume();

        Brick brick();

        default Key key() {
            return new Key(volume().id(), brick().path());
        }
    }

    public record Serve(VolumeSpec volume, Brick brick) implements Step {}

    public record Stop(VolumeSpec volume, Brick brick) implements Step {}

    private ServePlan() {
    }

    /**
     * @param serving what this node serves, with the volume each was served as
     * @param volumes every volume in the store
     */
    public static List<Step> plan(Map<Key, VolumeSpec> serving, List<VolumeSpec> volumes,
            UUID self) {
        Map<Key, Serve> wanted = new LinkedHashMap<>();
        for (VolumeSpec v : volumes) {
            if (v.status() != VolumeStatus.STARTED) {
                continue;
            }
            for (Brick b : v.bricks()) {
                if (b.nodeId().equals(self)) {
                    wanted.put(new Key(v.id(), b.path()), new Serve(v, b));
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        serving.forEach((key, volume) -> {
            if (!wanted.containsKey(key)) {
                Brick brick = volume.bricks().stream().filter(b -> b.path().equals(key.path())
                        && b.nodeId().equals(self)).findFirst().orElseThrow();
                steps.add(new Stop(volume, brick));
            }
        });
        wanted.forEach((key, serve) -> {
            if (!serving.containsKey(key)) {
                steps.add(serve);
            }
        });
        return steps;
    }
}
