package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bramble node --metrics} on a replica 2 volume of two nodes: each node's page counts
 * the writes and bytes its brick took from the mount; with gluster2 killed and more written,
 * gluster1 shows its brick's pending heal entries and gluster2 down; once gluster2 is back,
 * the entries go back to 0 and gluster1's heal bytes grow by at least what it copied.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FsMetricsTest {
    private static final int FILE_BYTES = 1 << 20;
    /** A sample line of the text format: name, labels, value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (-?[0-9.eE+-]+|\\+Inf|NaN)");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, String> pages = new LinkedHashMap<>();

    @Test
    void eachNodeCountsItsBrickAndItsHeal(@TempDir Path dir) throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        for (String node : new String[]{"gluster1", "gluster2"}) {
            String page = pool.address(node) + ":" + cluster.freePort(node);
            pool.arguments(node, "--metrics", page);
            pages.put(node, "http://" + page + "/metrics");
        }
        ReplicaPair volume = ReplicaPair.start(pool, mounts, dir);
        String brick1 = brick(pool.address("gluster1") + ":" + volume.brick1());
        String brick2 = brick(pool.address("gluster2") + ":" + volume.brick2());
        SplittableRandom random = new SplittableRandom(20261205);
        Files.write(volume.mnt().resolve("first"), FsHealTest.bytes(random, FILE_BYTES));

        for (String[] node : new String[][]{{"gluster1", brick1}, {"gluster2", brick2}}) {
            Map<String, Double> metrics = scrape(node[0]);
            assertThat(metrics.get("bramble_brick_up" + node[1])).isEqualTo(1);
            assertThat(metrics.get("bramble_brick_operations_total" + fop(node[1], "WRITE")))
                    .isPositive();
            assertThat(metrics.get("bramble_brick_operations_total" + fop(node[1], "CREATE")))
                    .isPositive();
            assertThat(metrics.get("bramble_brick_written_bytes_total" + node[1]))
                    .isGreaterThanOrEqualTo(FILE_BYTES);
            assertThat(metrics.get("bramble_brick_connections" + node[1])).isPositive();
            assertThat(metrics.get("bramble_brick_operation_duration_seconds_count" + fop(
                    node[1], "WRITE"))).isEqualTo(metrics.get("bramble_brick_operations_total"
                            + fop(node[1], "WRITE")));
            assertThat(metrics.get("bramble_pool_members")).isEqualTo(3);
        }

        Faults.kill9(pool.process("gluster2"));
        Files.write(volume.mnt().resolve("second"), FsHealTest.bytes(random, FILE_BYTES));
        Files.write(volume.mnt().resolve("first"), FsHealTest.bytes(random, 1_000));
        Map<String, Double> away = scrape("gluster1");
        assertThat(away.get("bramble_heal_pending_entries" + brick1)).isGreaterThanOrEqualTo(2);
        double healedBefore = away.get("bramble_heal_bytes_total{volume=\"gv0\"}");
        await("gluster2 down on gluster1's page")
                .atMost(Duration.ofSeconds(30)).until(
                        () -> scrape("gluster1").entrySet().stream()
                                .anyMatch(e -> e.getKey().startsWith(
                                        "bramble_pool_member_up{member=\"gluster2")
                                        && e.getValue() == 0));

        pool.start("gluster2");
        await("gluster1's pending entries back to 0").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200)).until(() -> scrape("gluster1").get(
                        "bramble_heal_pending_entries" + brick1) == 0);
        Map<String, Double> healed = scrape("gluster1");
        assertThat(healed.get("bramble_heal_bytes_total{volume=\"gv0\"}") - healedBefore)
                .isGreaterThanOrEqualTo(FILE_BYTES);
        assertThat(healed.get("bramble_heal_files_total{volume=\"gv0\"}")).isGreaterThanOrEqualTo(
                2);
        assertThat(healed.get("bramble_heal_passes_total")).isPositive();
        await("gluster2's brick served again").atMost(Duration.ofSeconds(30))
                .until(() -> scrape("gluster2").get("bramble_brick_up" + brick2) == 1);
    }

    private static String brick(String shown) {
        return "{volume=\"gv0\",brick=\"" + shown + "\"}";
    }

    private static String fop(String brickLabels, String fop) {
        return brickLabels.substring(0, brickLabels.length() - 1) + ",fop=\"" + fop + "\"}";
    }

    /**
     * The node's page as series and values, checked line by line against the text format:
     * each sample's family has its HELP and TYPE lines before it, and no series comes twice.
     */
    private Map<String, Double> scrape(String node) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(pages
                .get(node))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue(
                "text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> series = new LinkedHashMap<>();
        Set<String> typed = new HashSet<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("# TYPE ")) {
                typed.add(line.split(" ")[2]);
                continue;
            }
            if (line.startsWith("# HELP ")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as(line).isTrue();
            String family = sample.group(1).replaceFirst("_(bucket|sum|count)$", "");
            assertThat(typed).as(line).containsAnyOf(family, sample.group(1));
            String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
            assertThat(series.put(key, Double.parseDouble(sample.group(3).replace("+Inf",
                    "Infinity")))).as(line).isNull();
        }
        return series;
    }
}
