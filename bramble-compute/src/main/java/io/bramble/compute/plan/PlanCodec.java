package io.bramble.compute.plan;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The plan in the pool's store: {@code key=value} lines, readable in a dump of the store.
 * Decoding rejects a missing key or a bad value.
 */
public final class PlanCodec implements RecordCodec<ComputePlan> {
    /** The store's record type; its one key is {@link #KEY}. */
    public static final RecordType<ComputePlan> TYPE = new RecordType<>("compute",
            new PlanCodec());
    public static final String KEY = "spark";

    @Override
    public byte[] encode(ComputePlan plan) {
        String text = "master=" + plan.master() + "\n"
                + "workers=" + String.join(",", plan.workers().stream().map(UUID::toString)
                        .toList())
                + "\n"
                + "master-port=" + plan.ports().master() + "\n"
                + "master-ui-port=" + plan.ports().masterUi() + "\n"
                + "worker-ui-port=" + plan.ports().workerUi() + "\n"
                + "worker-cores=" + plan.workerCores() + "\n"
                + "worker-memory-mb=" + plan.workerMemoryMb() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ComputePlan decode(byte[] bytes) throws MalformedFrameException {
        Map<String, String> values = new HashMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).lines().toList()) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new MalformedFrameException("bad compute plan line '" + line + "'");
            }
            values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        try {
            List<UUID> workers = new ArrayList<>();
            for (String id : get(values, "workers").split(",")) {
                if (!id.isEmpty()) {
                    workers.add(UUID.fromString(id));
                }
            }
            return new ComputePlan(UUID.fromString(get(values, "master")), workers,
                    new SparkPorts(Integer.parseInt(get(values, "master-port")),
                            Integer.parseInt(get(values, "master-ui-port")),
                            Integer.parseInt(get(values, "worker-ui-port"))),
                    Integer.parseInt(get(values, "worker-cores")),
                    Long.parseLong(get(values, "worker-memory-mb")));
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad compute plan: " + e.getMessage());
        }
    }

    private static String get(Map<String, String> values, String key)
            throws MalformedFrameException {
        String value = values.get(key);
        if (value == null) {
            throw new MalformedFrameException("the compute plan has no " + key);
        }
        return value;
    }
}
