package io.bramble.cluster.exec;

import io.bramble.cluster.model.FailedAction;
import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One node's executor, as Pacemaker's: runs the actions asked of this node, at most
 * {@code concurrencyMax} at once and never two on the same resource at once (a resource's
 * actions run in the order asked); runs each recurring monitor at once and then
 * {@code intervalMs} after each of its results; cancels a resource's recurring monitors
 * before its stop (each cancellation reported as a "Cancelled" result); and reports every
 * result to the listener.
 *
 * <p>Time comes only from the {@link Scheduler}, work runs on the {@link Executor} given and
 * agents through the {@link AgentRunner}: tests drive all three by hand.
 */
public final class NodeExecutor {
    /** Actions waiting per resource; more is refused (the cluster loop asks again later). */
    public static final int QUEUED_PER_RESOURCE_MAX = 64;

    private final String node;
    private final AgentRunner runner;
    private final Executor workers;
    private final Scheduler scheduler;
    private final Clock clock;
    /** Calls that ended, numbered from 1 as Pacemaker's executor numbers them; guarded. */
    private long calls;
    private final ExecutionListener listener;
    private final int concurrencyMax;
    private final Map<String, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private final Map<String, Recurring> recurring = new HashMap<>();
    private int running;

    public NodeExecutor(String node, AgentRunner runner, Executor workers, Scheduler scheduler,
            Clock clock, ExecutionListener listener, int concurrencyMax) {
        Checks.argument(concurrencyMax >= 1, "concurrencyMax must be at least 1");
        this.node = node;
        this.runner = runner;
        this.workers = workers;
        this.scheduler = scheduler;
        this.clock = clock;
        this.listener = listener;
        this.concurrencyMax = concurrencyMax;
    }

    /**
     * Asks for an action: a recurring monitor (interval above 0) is registered and runs from
     * now on until cancelled; anything else runs once. A stop first cancels the resource's
     * recurring monitors.
     */
    public void submit(ActionRequest request) {
        List<ExecutionEvent> cancelled = new ArrayList<>();
        synchronized (this) {
            if (request.isRecurring()) {
                Recurring previous = recurring.put(request.key(), new Recurring(request));
                if (previous != null) {
                    previous.cancel();
                }
                enqueue(new Job(request, recurring.get(request.key()), clock.nanoTime()));
            } else {
                if (request.action().equals("stop")) {
                    cancelled.addAll(cancelMonitorsLocked(request.resourceId()));
                }
                enqueue(new Job(request, null, clock.nanoTime()));
            }
        }
        cancelled.forEach(listener::onResult);
        pump();
    }

    /** Probes each resource (a monitor with interval 0): what runs here, before acting. */
    public void probe(List<ActionRequest> probes) {
        for (ActionRequest probe : probes) {
            Checks.argument(probe.isProbe(), "a probe is a monitor with interval 0, got "
                    + probe.key());
            submit(probe);
        }
    }

    /** Cancels one recurring monitor, reporting the cancellation; false when none ran. */
    public boolean cancel(String resourceId, String action, long intervalMs) {
        ExecutionEvent event;
        synchronized (this) {
            Recurring r = recurring.remove(resourceId + "_" + action + "_" + intervalMs);
            if (r == null) {
                return false;
            }
            event = cancelLocked(r);
        }
        listener.onResult(event);
        return true;
    }

    /** Cancels every recurring monitor of the resource (as before a stop). */
    public void cancelMonitors(String resourceId) {
        List<ExecutionEvent> events;
        synchronized (this) {
            events = cancelMonitorsLocked(resourceId);
        }
        events.forEach(listener::onResult);
    }

    /** The keys of the recurring monitors registered, for status and tests. */
    public synchronized List<String> recurringKeys() {
        return recurring.keySet().stream().sorted().toList();
    }

    /** Actions running now. */
    public synchronized int running() {
        return running;
    }

    private List<ExecutionEvent> cancelMonitorsLocked(String resourceId) {
        List<ExecutionEvent> events = new ArrayList<>();
        for (Recurring r : List.copyOf(recurring.values())) {
            if (r.request.resourceId().equals(resourceId)) {
                recurring.remove(r.request.key());
                events.add(cancelLocked(r));
            }
        }
        return events;
    }

    private ExecutionEvent cancelLocked(Recurring r) {
        r.cancel();
        Lane lane = lanes.get(r.request.resourceId());
        if (lane != null) {
            lane.queue.removeIf(job -> job.recurring == r);
        }
        ActionResult result = ActionResult.cancelled();
        return event(r.request, result, FailedAction.UNKNOWN, FailedAction.UNKNOWN);
    }

    private void enqueue(Job job) {
        Lane lane = lanes.computeIfAbsent(job.request.resourceId(), id -> new Lane());
        if (lane.queue.size() >= QUEUED_PER_RESOURCE_MAX) {
            throw new IllegalStateException("resource " + job.request.resourceId() + " has "
                    + QUEUED_PER_RESOURCE_MAX + " actions waiting already; "
                    + job.request.key() + " was refused");
        }
        lane.queue.add(job);
        if (!lane.busy && !lane.ready) {
            lane.ready = true;
            ready.add(lane);
        }
    }

    /** Starts waiting actions while there is room. */
    private void pump() {
        List<Runnable> starts = new ArrayList<>();
        synchronized (this) {
            while (running < concurrencyMax && !ready.isEmpty()) {
                Lane lane = ready.poll();
                lane.ready = false;
                Job job = lane.queue.poll();
                if (job == null) {
                    continue;
                }
                lane.busy = true;
                running++;
                starts.add(() -> execute(lane, job));
            }
        }
        starts.forEach(workers::execute);
    }

    private void execute(Lane lane, Job job) {
        long waitedMs = (clock.nanoTime() - job.queuedNs()) / 1_000_000;
        ActionResult result;
        try {
            result = runner.run(job.request);
        } catch (RuntimeException e) {
            result = LocalAgentRunner.notInstalled(job.request, "the agent could not be run: "
                    + e.getMessage());
        }
        ExecutionEvent event;
        synchronized (this) {
            running--;
            lane.busy = false;
            if (!lane.queue.isEmpty() && !lane.ready) {
                lane.ready = true;
                ready.add(lane);
            }
            if (lane.queue.isEmpty()) {
                lanes.remove(job.request.resourceId());
            }
            if (job.recurring != null && recurring.get(job.request.key()) == job.recurring) {
                scheduleNext(job.recurring);
            }
            event = event(job.request, result, ++calls, Math.max(0, waitedMs));
        }
        try {
            listener.onResult(event);
        } finally {
            pump();
        }
    }

    private void scheduleNext(Recurring r) {
        r.timer = scheduler.schedule(r.request.intervalMs(), () -> {
            synchronized (this) {
                if (recurring.get(r.request.key()) != r) {
                    return;
                }
                enqueue(new Job(r.request, r, clock.nanoTime()));
            }
            pump();
        });
    }

    private ExecutionEvent event(ActionRequest request, ActionResult result, long call,
            long waitedMs) {
        return new ExecutionEvent(request.resourceId(), request.action(), request.intervalMs(),
                node, result.rc(), Outcome.of(request, result).ofCall(call, waitedMs), result
                        .exitReason(),
                result.durationMs(), clock.epochMillis(), result.output());
    }

    /** One resource's waiting actions; {@code busy} while one of them runs. */
    private static final class Lane {
        final ArrayDeque<Job> queue = new ArrayDeque<>();
        boolean busy;
        boolean ready;
    }

    /** A waiting action; {@code recurring} is the registration it belongs to, if any. */
    private record Job(ActionRequest request, Recurring recurring, long queuedNs) {}

    /** A registered recurring monitor and its next timer. */
    private static final class Recurring {
        final ActionRequest request;
        Scheduler.Cancellable timer;

        Recurring(ActionRequest request) {
            this.request = request;
        }

        void cancel() {
            if (timer != null) {
                timer.cancel();
            }
        }
    }
}
