package io.bramble.fs.volume.text;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code volume info} in Gluster's layout: per volume a line holding one space, then
 * {@code Volume Name:}, {@code Type:}, {@code Volume ID:}, {@code Status:},
 * {@code Snapshot Count:}, {@code Number of Bricks:}, {@code Transport-type:}, the bricks,
 * and the options set, newest first, under {@code Options Reconfigured:}.
 */
public final class VolumeInfoText {
    private VolumeInfoText() {
    }

    public static String render(List<VolumeSpec> volumes) {
        StringBuilder out = new StringBuilder();
        volumes.forEach(v -> render(v, out));
        return out.toString();
    }

    private static void render(VolumeSpec v, StringBuilder out) {
        out.append(" \n")
                .append("Volume Name: ").append(v.name()).append('\n')
                .append("Type: ").append(v.type().shown()).append('\n')
                .append("Volume ID: ").append(v.id()).append('\n')
                .append("Status: ").append(v.status().shown()).append('\n')
                .append("Snapshot Count: 0\n")
                .append("Number of Bricks: ").append(brickCount(v)).append('\n')
                .append("Transport-type: ").append(v.transport()).append('\n')
                .append("Bricks:\n");
        List<Brick> bricks = v.bricks();
        for (int i = 0; i < bricks.size(); i++) {
            out.append("Brick").append(i + 1).append(": ").append(bricks.get(i).shown())
                    .append(v.isArbiter(i) ? " (arbiter)" : "").append('\n');
        }
        if (!v.options().isEmpty()) {
            out.append("Options Reconfigured:\n");
            List<Map.Entry<String, String>> newestFirst = new ArrayList<>(v.options()
                    .entrySet());
            Collections.reverse(newestFirst);
            newestFirst.forEach(e -> out.append(e.getKey()).append(": ").append(e.getValue())
                    .append('\n'));
        }
    }

    /**
     * {@code 2} for distribute, {@code 1 x 2 = 2} for replica sets, with arbiters apart;
     * {@code 1 x 2 = 2} for a stripe of 2 and {@code 1 x 2 x 2 = 4} for a stripe of 2 over
     * replica sets of 2, as Gluster 3 printed them (subvolumes of distribute first);
     * {@code 2 x (2 + 1) = 6} for two disperse sets of 2 data and 1 redundancy bricks.
     */
    static String brickCount(VolumeSpec v) {
        int total = v.bricks().size();
        if (v.dispersed()) {
            return v.distributeCount() + " x (" + v.dataCount() + " + " + v.redundancyCount()
                    + ") = " + total;
        }
        if (v.stripeCount() > 1) {
            return v.distributeCount() + " x " + v.stripeCount() + (v.replicaCount() > 1
                    ? " x " + v.replicaCount()
                    : "") + " = " + total;
        }
        if (v.replicaCount() == 1) {
            return String.valueOf(total);
        }
        String perSet = v.arbiter()
                ? "(" + (v.replicaCount() - 1) + " + 1)"
                : String.valueOf(v.replicaCount());
        return v.subvolumeCount() + " x " + perSet + " = " + total;
    }
}
