package io.bramble.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
    private final Samples samples = new Samples();

    private void add(long at, String lb) {
        samples.add(lb == null
                ? Sample.failed(at, 1, "connection refused")
                : Sample.ok(at, 1,
                        at % 100 == 0 ? "web1" : "web2", lb));
    }

    @Test
    void aChangeTakesHoldAtTheFirstOfEnoughMatchingAnswersInARow() {
        add(0, "lb1");
        add(50, "lb1");
        add(100, null);
        add(150, "lb2");
        add(200, null);
        add(250, "lb2");
        add(300, "lb2");
        add(350, "lb2");
        assertThat(samples.settled(0, 3, s -> s.through("lb2"))).map(Sample::atMs).hasValue(
                250L);
        assertThat(samples.settled(0, 4, s -> s.through("lb2"))).isEmpty();
        assertThat(samples.settled(0, 1, s -> s.through("lb2"))).map(Sample::atMs).hasValue(
                150L);
        assertThat(samples.settled(300, 2, s -> s.through("lb2"))).map(Sample::atMs)
                .hasValue(300L);
        assertThat(Samples.failures(samples.between(60, 250))).isEqualTo(2);
        assertThat(samples.between(100, 200)).extracting(Sample::atMs).containsExactly(100L,
                150L);
    }

    @Test
    void keepsTheNewestSamplesOnly() {
        for (int i = 0; i < Samples.SAMPLES_MAX + 10; i++) {
            add(i, "lb1");
        }
        List<Sample> all = samples.between(0, Long.MAX_VALUE);
        assertThat(all).hasSize(Samples.SAMPLES_MAX);
        assertThat(all.get(0).atMs()).isEqualTo(10);
    }

    @Test
    void probeAnswersNameTheServerAndTheBalancerOrSayWhatFailed() {
        String page = "HTTP/1.1 200 OK\r\ncontent-length: 31\r\nX-Load-Balancer: lb2\r\n\r\n"
                + "<html><body>web1</body></html>\n";
        assertThat(Probe.parse(5, 2, page)).isEqualTo(Sample.ok(5, 2, "web1", "lb2"));
        assertThat(Probe.parse(5, 2, "HTTP/1.1 503 Service Unavailable\r\n\r\n")).isEqualTo(
                Sample.failed(5, 2, "HTTP/1.1 503 Service Unavailable"));
        assertThat(Probe.parse(5, 2, "")).isEqualTo(Sample.failed(5, 2, "no answer"));
        assertThat(Probe.parse(5, 2, "HTTP/1.1 200 OK\r\n\r\n<html>other</html>").failure())
                .isEqualTo("a page from neither web server");
    }
}
