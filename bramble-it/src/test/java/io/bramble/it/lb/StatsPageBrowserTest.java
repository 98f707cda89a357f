package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats page of seed 000 in a real browser: the tables render, the dead server's row is
 * red and the live one's green. The screenshot stays in target/ as an artifact.
 */
class StatsPageBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "lb-stats-page.png");
    /** The row colours of the page's style sheet. */
    private static final int DOWN_RED = 0xff9090;
    private static final int UP_GREEN = 0xc0ffc0;
    /** A table row is far wider than any legend swatch. */
    private static final int ROW_PIXELS_MIN = 500;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final LbClient client = new LbClient();

    @Test
    void downRowsAreRedInARealBrowser() throws Exception {
        Assumptions.assumeTrue(Chromium.installed(),
                "needs headless Chromium: apt-get install chromium");
        WebFarm farm = new WebFarm(cluster, dir);
        farm.web("web1");
        farm.web("web2");
        HostPort lb = cluster.endpoint("lb");
        HostPort stats = new HostPort(lb.host(), cluster.freePort("lb"));
        farm.lb(Seeds.seed000(farm.errorFiles(), stats, lb, farm.endpoint("web1"),
                farm.endpoint("web2")));
        String auth = LbClient.basic("pi", "raspberry");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client
                .statuses(stats, "/", auth, "webfarm").entrySet()
                .containsAll(Map.of("web1", "UP", "web2", "UP").entrySet()));
        cluster.process("web2").kill();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.statuses(stats,
                "/", auth, "webfarm").get("web2").startsWith("DOWN"));

        String url = "http://pi:raspberry@" + stats + "/";
        String dom = Chromium.dumpDom(url, dir.resolve("profile-dom"));
        assertThat(dom).contains("<table class=\"proxy\" id=\"proxy-webfarm\">")
                .containsPattern("<tr class=\"server down\" data-name=\"web2\"")
                .containsPattern("<tr class=\"server up\" data-name=\"web1\"");
        Chromium.screenshot(url, dir.resolve("profile-shot"), SCREENSHOT);
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(widestRun(image, DOWN_RED)).as("red DOWN row in " + SCREENSHOT)
                .isGreaterThan(ROW_PIXELS_MIN);
        assertThat(widestRun(image, UP_GREEN)).as("green UP row in " + SCREENSHOT)
                .isGreaterThan(ROW_PIXELS_MIN);
    }

    /** The most pixels of about {@code rgb} found on one line of the image. */
    private static int widestRun(BufferedImage image, int rgb) {
        int best = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int count = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(image.getRGB(x, y) & 0xffffff, rgb)) {
                    count++;
                }
            }
            best = Math.max(best, count);
        }
        return best;
    }

    private static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)) > 6) {
                return false;
            }
        }
        return true;
    }
}
