package io.bramble.cluster.live;

import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.coordinate.ResourceState;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.FailedAction;
import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the coordinator recorded ({@link RecordedStatus}) as one record of the store: the state
 * of every resource on every node, the fail counts and the fatal failures. Decoding checks every
 * count against a bound.
 */
public final class StatusRecord implements RecordCodec<RecordedStatus> {
    /** The store's record type. */
    public static final RecordType<RecordedStatus> TYPE = new RecordType<>("cluster.status",
            new StatusRecord());
    /** The one key. */
    public static final String KEY = "status";
    /** Resources, nodes per resource and fail counts taken. */
    static final int RESOURCES_MAX = 10_000;
    static final int NODES_MAX = 64;
    static final int FAIL_COUNTS_MAX = 100_000;
    static final int NAME_BYTES_MAX = 255;
    /** An exit reason: 256 characters of up to 4 bytes. */
    static final int REASON_BYTES_MAX = 4 * FailedAction.REASON_CHARS_MAX;
    /** Format 2 added the failures' details; format 1 is still read. */
    private static final int FORMAT = 2;
    private static final int FORMAT_COUNTS_ONLY = 1;

    @Override
    public byte[] encode(RecordedStatus status) {
        WireWriter out = new WireWriter().u8(FORMAT).i32(status.states().size());
        status.states().forEach((resource, byNode) -> {
            out.string(resource).i32(byNode.size());
            byNode.forEach((node, state) -> out.string(node).u8(state.ordinal()));
        });
        out.i32(status.failCounts().size());
        for (FailCount f : status.failCounts()) {
            out.string(f.resource()).string(f.node()).string(f.operationKey()).i32(f.count())
                    .i64(f.lastFailureEpochSeconds());
        }
        out.strings(List.copyOf(status.fatal()));
        out.i32(status.failedActions().size());
        for (FailedAction a : status.failedActions()) {
            out.string(a.resource()).string(a.node()).string(a.operation()).i64(a.intervalMs())
                    .i32(a.rc()).i32(a.execStatus()).string(a.exitReason()).i64(a
                            .epochSeconds())
                    .i64(a.execMs()).i64(a.queueMs()).i64(a.callId());
        }
        return out.toByteArray();
    }

    @Override
    public RecordedStatus decode(byte[] bytes) throws MalformedFrameException {
        WireReader in = new WireReader(bytes);
        int format = RecordFormat.read(in, FORMAT_COUNTS_ONLY, FORMAT, "status");
        Map<String, Map<String, ResourceState>> states = new LinkedHashMap<>();
        int resources = in.count(RESOURCES_MAX);
        for (int r = 0; r < resources; r++) {
            String resource = in.string(NAME_BYTES_MAX);
            Map<String, ResourceState> byNode = new LinkedHashMap<>();
            int nodes = in.count(NODES_MAX);
            for (int n = 0; n < nodes; n++) {
                String node = in.string(NAME_BYTES_MAX);
                int state = in.u8();
                if (state >= ResourceState.values().length) {
                    throw new MalformedFrameException("unknown resource state " + state);
                }
                byNode.put(node, ResourceState.values()[state]);
            }
            states.put(resource, byNode);
        }
        List<FailCount> failCounts = new ArrayList<>();
        int failures = in.count(FAIL_COUNTS_MAX);
        for (int f = 0; f < failures; f++) {
            failCounts.add(new FailCount(in.string(NAME_BYTES_MAX), in.string(NAME_BYTES_MAX),
                    in.string(NAME_BYTES_MAX), in.i32(), in.i64()));
        }
        Set<String> fatal = new HashSet<>(in.strings(RESOURCES_MAX, NAME_BYTES_MAX));
        List<FailedAction> failedActions = new ArrayList<>();
        if (format > FORMAT_COUNTS_ONLY) {
            int actions = in.count(FAIL_COUNTS_MAX);
            for (int a = 0; a < actions; a++) {
                failedActions.add(failedAction(in));
            }
        }
        in.end();
        return new RecordedStatus(states, failCounts, fatal, failedActions);
    }

    private static FailedAction failedAction(WireReader in) throws MalformedFrameException {
        String resource = in.string(NAME_BYTES_MAX);
        String node = in.string(NAME_BYTES_MAX);
        String operation = in.string(NAME_BYTES_MAX);
        long intervalMs = in.i64();
        int rc = in.i32();
        int execStatus = in.i32();
        String reason = in.string(REASON_BYTES_MAX);
        long epochSeconds = in.i64();
        long execMs = in.i64();
        long queueMs = in.i64();
        long callId = in.i64();
        if (intervalMs < 0 || execStatus < 0 || epochSeconds < 0 || Math.min(execMs, Math.min(
                queueMs, callId)) < FailedAction.UNKNOWN) {
            throw new MalformedFrameException("a failed action with a negative number");
        }
        return new FailedAction(resource, node, operation, intervalMs, rc, execStatus, reason,
                epochSeconds, execMs, queueMs, callId);
    }
}
