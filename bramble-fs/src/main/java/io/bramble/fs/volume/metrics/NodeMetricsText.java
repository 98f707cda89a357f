package io.bramble.fs.volume.metrics;

import io.bramble.common.metrics.PrometheusText;
import io.bramble.common.metrics.PrometheusText.Type;
import io.bramble.fs.brick.profile.BrickTotals;
import io.bramble.fs.brick.profile.FopTotals;
import io.bramble.fs.brick.wire.ServerCounters;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A node's metrics in Prometheus text (format 0.0.4), named {@code bramble_...} as
 * {@code bramble lb} names its own after HAProxy's exporter: per brick (labels
 * {@code volume} and {@code brick}, as {@code HOST:PATH}) whether it is served, its clients,
 * its operations by Gluster's fop names (label {@code fop}) with failures and latencies, bytes
 * moved and heal entries pending; per volume what heal copied; the brick server's counters;
 * the pool's members. Series of a brick not served are left out but for its {@code up}.
 * Pure: the sample in, the text out.
 */
public final class NodeMetricsText {
    private NodeMetricsText() {
    }

    public static String render(NodeSample sample) {
        PrometheusText out = new PrometheusText();
        List<BrickSample> up = sample.bricks().stream().filter(BrickSample::up).toList();
        out.family("bramble_brick_up", Type.GAUGE, "Whether the brick is served: 1 or 0.");
        sample.bricks().forEach(b -> out.sample("bramble_brick_up", b.up() ? 1 : 0, labels(b)));
        perBrick(out, up, "bramble_brick_connections", Type.GAUGE,
                "Client connections attached to the brick.", BrickSample::connections);
        perFop(out, up, "bramble_brick_operations_total",
                "Operations the brick served, failed ones included.", FopTotals::calls);
        perFop(out, up, "bramble_brick_errors_total",
                "Operations the brick answered with an error.", FopTotals::errors);
        latencies(out, up);
        perBrick(out, up, "bramble_brick_read_bytes_total", Type.COUNTER,
                "Bytes the brick's reads returned.", BrickSample::bytesRead);
        perBrick(out, up, "bramble_brick_written_bytes_total", Type.COUNTER,
                "Bytes written to the brick.", BrickSample::bytesWritten);
        perBrick(out, up, "bramble_heal_pending_entries", Type.GAUGE,
                "Files the brick's index marks for heal of the other copies.",
                BrickSample::pendingEntries);
        heal(out, sample);
        sample.server().ifPresent(counters -> server(out, counters));
        out.family("bramble_pool_members", Type.GAUGE, "Members of the pool, this node included.");
        out.sample("bramble_pool_members", sample.members().size());
        out.family("bramble_pool_member_up", Type.GAUGE,
                "Whether this node is connected to the member: 1 or 0.");
        sample.members().forEach(m -> out.sample("bramble_pool_member_up", m.up() ? 1 : 0,
                "member", m.member()));
        return out.text();
    }

    private static String[] labels(BrickSample brick, String... more) {
        String[] all = new String[4 + more.length];
        all[0] = "volume";
        all[1] = brick.volume();
        all[2] = "brick";
        all[3] = brick.brick();
        System.arraycopy(more, 0, all, 4, more.length);
        return all;
    }

    private static void perBrick(PrometheusText out, List<BrickSample> bricks, String name,
            Type type, String help, ToLongFunction<BrickSample> value) {
        out.family(name, type, help);
        bricks.forEach(b -> out.sample(name, value.applyAsLong(b), labels(b)));
    }

    private static void perFop(PrometheusText out, List<BrickSample> bricks, String name,
            String help, ToLongFunction<FopTotals> value) {
        out.family(name, Type.COUNTER, help);
        for (BrickSample brick : bricks) {
            brick.fops().forEach(f -> out.sample(name, value.applyAsLong(f), labels(brick,
                    "fop", f.fop().name())));
        }
    }

    /** A histogram per brick and operation called at least once. */
    private static void latencies(PrometheusText out, List<BrickSample> bricks) {
        String name = "bramble_brick_operation_duration_seconds";
        out.family(name, Type.HISTOGRAM, "How long the brick took to serve each operation.");
        List<String> bounds = BrickTotals.LATENCY_BOUNDS_NS.stream()
                .map(ns -> ns == Long.MAX_VALUE ? "+Inf" : PrometheusText.number(ns / 1e9))
                .toList();
        for (BrickSample brick : bricks) {
            for (FopTotals fop : brick.fops()) {
                if (fop.calls() == 0) {
                    continue;
                }
                for (int b = 0; b < bounds.size(); b++) {
                    out.sample(name + "_bucket", fop.latencyBuckets().get(b), labels(brick,
                            "fop", fop.fop().name(), "le", bounds.get(b)));
                }
                out.sample(name + "_sum", fop.totalNs() / 1e9, labels(brick, "fop", fop.fop()
                        .name()));
                out.sample(name + "_count", fop.calls(), labels(brick, "fop", fop.fop()
                        .name()));
            }
        }
    }

    private static void heal(PrometheusText out, NodeSample sample) {
        perVolume(out, sample, "bramble_heal_files_total",
                "Files this node's heal worker healed.", VolumeHealSample::files);
        perVolume(out, sample, "bramble_heal_bytes_total",
                "Bytes this node's heal worker copied to other copies.",
                VolumeHealSample::bytes);
        out.family("bramble_heal_passes_total", Type.COUNTER,
                "Passes of this node's heal worker over its bricks.");
        out.sample("bramble_heal_passes_total", sample.healPasses());
    }

    private static void perVolume(PrometheusText out, NodeSample sample, String name,
            String help, ToLongFunction<VolumeHealSample> value) {
        out.family(name, Type.COUNTER, help);
        sample.heal().forEach(v -> out.sample(name, value.applyAsLong(v), "volume", v
                .volume()));
    }

    private static void server(PrometheusText out, ServerCounters counters) {
        counter(out, "bramble_brick_server_requests_total",
                "Requests the brick server answered, failed ones included.", counters,
                ServerCounters::requests);
        counter(out, "bramble_brick_server_expired_requests_total",
                "Requests answered ETIMEDOUT unrun, their deadline passed in the queue.",
                counters, ServerCounters::expired);
        counter(out, "bramble_brick_server_abandoned_requests_total",
                "Requests not run as their client closed the connection first.", counters,
                ServerCounters::abandoned);
        counter(out, "bramble_brick_server_bad_frames_total",
                "Connections closed for a malformed or oversized frame.", counters,
                ServerCounters::badFrames);
        counter(out, "bramble_brick_server_rejected_connections_total",
                "Connections closed as the peer is not certified by the pool.", counters,
                ServerCounters::rejected);
    }

    private static void counter(PrometheusText out, String name, String help,
            ServerCounters counters, Function<ServerCounters, Long> value) {
        out.family(name, Type.COUNTER, help).sample(name, value.apply(counters));
    }
}
