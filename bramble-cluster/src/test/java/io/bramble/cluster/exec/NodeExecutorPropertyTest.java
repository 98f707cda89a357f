package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.agent.AgentName;
import io.bramble.common.time.ManualClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random submissions finishing in random order, a seed each: the executor never has two
 * actions of one resource handed to its workers at once, never more than its bound, runs each
 * resource's actions in the order asked, and runs every one.
 */
class NodeExecutorPropertyTest {
    private static final AgentName DUMMY = AgentName.ocf("heartbeat", "Dummy");
    private static final List<String> ACTIONS = List.of("start", "monitor", "reload",
            "promote");

    /** One action's time with the workers, in steps: from handed over to run. */
    private record Span(String resource, int handedAt, int ranAt) {}

    @Property(tries = 200)
    void keepsItsBoundsAndEachResourcesOrder(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int bound) {
        Random random = new Random(seed);
        ManualClock clock = new ManualClock();
        int[] step = {0};
        int[] handedAt = {0};
        List<Runnable> workers = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        Map<String, List<String>> ran = new HashMap<>();
        Map<String, List<String>> asked = new HashMap<>();
        NodeExecutor executor = new NodeExecutor("n", request -> {
            spans.add(new Span(request.resourceId(), handedAt[0], step[0]));
            ran.computeIfAbsent(request.resourceId(), k -> new ArrayList<>())
                    .add(request.action());
            return new ActionResult(0, ExecStatus.DONE, Optional.empty(), "", 1);
        }, task -> {
            int at = step[0];
            workers.add(() -> {
                handedAt[0] = at;
                task.run();
            });
        }, new ManualScheduler(clock), clock, e -> {
        }, bound);
        while (step[0] < 60 || !workers.isEmpty()) {
            step[0]++;
            if (step[0] < 60 && (random.nextInt(3) > 0 || workers.isEmpty())) {
                String resource = "r" + random.nextInt(5);
                String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
                asked.computeIfAbsent(resource, k -> new ArrayList<>()).add(action);
                executor.submit(ActionRequest.of(resource, DUMMY, action, 1000, Map.of()));
            } else {
                workers.remove(random.nextInt(workers.size())).run();
            }
            assertThat(executor.running()).isLessThanOrEqualTo(bound)
                    .isEqualTo(workers.size());
        }
        assertThat(ran).isEqualTo(asked);
        Map<String, List<Span>> byResource = new HashMap<>();
        spans.forEach(s -> byResource.computeIfAbsent(s.resource(), k -> new ArrayList<>())
                .add(s));
        byResource.values().forEach(list -> {
            list.sort(Comparator.comparingInt(Span::handedAt));
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i).handedAt()).as("%s handed over while %s ran",
                        list.get(i), list.get(i - 1)).isGreaterThanOrEqualTo(
                                list.get(i - 1).ranAt());
            }
        });
    }
}
