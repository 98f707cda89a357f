package io.bramble.it.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.launch.BrambleLauncher;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's highly available website in a network-namespace lab, as the recipe builds it on
 * four Raspberry Pis: web1 and web2 run {@code bramble web}, lb1 and lb2 run {@code bramble lb}
 * with the recipe's haproxy.cfg sections and, in the same process, its keepalived.conf
 * (priorities 101 and 100, the Linux backend: raw VRRP packets, the virtual address on eth0,
 * gratuitous ARPs). A client in its own namespace requests the page through the virtual
 * address every {@value #INTERVAL_MS} ms while the recipe's failures are played. The test
 * prints what the client saw (takeover times and failed requests) and asserts behaviour only:
 * where the answers come from, and no failed request when lb1 takes the address back.
 */
class WebsiteLabTest {
    private static final String VIP = "10.77.0.100";
    private static final int HTTP_PORT = 80;
    private static final int STATS_PORT = 8880;
    private static final int INTERVAL_MS = 20;
    private static final int TIMEOUT_MS = 2_000;
    /** Answers in a row that show a change took hold. */
    private static final int SETTLED = 25;
    /** JVM starts and HAProxy-default health checks (inter 2 s, rise 2) on a busy machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(120);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final Clock clock = Clock.system();
    private final Map<String, ManagedProcess> running = new HashMap<>();
    private final Map<String, String> report = new LinkedHashMap<>();
    private NetnsLab lab;
    private ManagedProcess client;

    @Test
    void theSeedWebsiteRidesOutEachFailureOfTheRecipe() {
        lab = cluster.lab(NetnsLab.builder().host("web1").host("web2").host("lb1").host("lb2")
                .host("client"));
        web("web1");
        web("web2");
        lb("lb1", 101);
        lb("lb2", 100);
        client = lab.host("client").start(BrambleLauncher.javaBinary(), "-Xmx64m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ClientLoop.class.getName(), VIP, Integer.toString(HTTP_PORT), Integer.toString(
                        INTERVAL_MS),
                Integer.toString(TIMEOUT_MS), Long.toString(
                        ProcessHandle.current().pid()));
        try {
            alternates(clock.epochMillis());
            webServerDies();
            loadBalancerCrashesAndComesBack();
            loadBalancerLinkIsCutAndRestored();
            loadBalancerProcessIsKilledAndRestarted();
        } finally {
            System.out.println(report());
        }
    }

    /** Waits until ten answers in a row alternate between web1 and web2. */
    private void alternates(long fromMs) {
        Awaitility.await("web1 and web2 alternating").atMost(GENEROUS).pollInterval(Duration
                .ofMillis(200)).until(() -> timeline().settled(fromMs, 10, a -> true, window -> {
                    List<String> webs = window.stream().map(s -> s.answer().web()).toList();
                    boolean alternate = webs.containsAll(List.of("web1", "web2"));
                    for (int i = 1; i < webs.size(); i++) {
                        alternate &= !webs.get(i).equals(webs.get(i - 1));
                    }
                    return alternate && window.stream().allMatch(s -> via("lb1").test(s
                            .answer()));
                }).isPresent());
        report.put("through the VIP", "web1 and web2 alternate, through lb1");
    }

    /** The recipe's poweroff of web1, then web1 back. */
    private void webServerDies() {
        long killing = clock.epochMillis();
        Faults.kill9(running.get("web1"));
        // Requests sent while the kill was under way may still have reached web1; those sent
        // once it returned (web1 gone) may not.
        long killed = clock.epochMillis();
        long settled = awaitSettled("answers from web2 alone", killing, a -> a.ok() && a.web()
                .equals("web2"));
        List<Timeline.Sample> after = timeline().since(killed);
        assertThat(after).as("answers after web1 died").noneMatch(s -> s.answer().web()
                .equals("web1"));
        report.put("web1 killed (kill -9)", "all answers from web2 after " + (settled - killing)
                + " ms; " + Timeline.failures(timeline().between(killing, settled + 1))
                + " failed requests");

        long restarted = clock.epochMillis();
        web("web1");
        long back = awaitSettled("web1 answering again", restarted, a -> a.ok() && a.web()
                .equals("web1"), 1);
        report.put("web1 back", "answers from web1 again after " + seconds(back - restarted)
                + " (start and two checks); " + Timeline.failures(timeline().since(restarted))
                + " failed requests");
    }

    private void loadBalancerCrashesAndComesBack() {
        long crashed = clock.epochMillis();
        Faults.kill9(running.get("lb1"));
        takeover("lb1 crashed (kill -9)", crashed);
        failback("lb1 restarted", () -> lb("lb1", 101));
    }

    private void loadBalancerLinkIsCutAndRestored() {
        long cut = clock.epochMillis();
        Faults.linkDown(lab.host("lb1"));
        takeover("lb1's link cut", cut);
        failback("lb1's link restored", () -> Faults.linkUp(lab.host("lb1")));
    }

    private void loadBalancerProcessIsKilledAndRestarted() {
        long killed = clock.epochMillis();
        running.get("lb1").stop();
        takeover("lb1's bramble lb killed (SIGTERM)", killed);
        failback("lb1's bramble lb restarted", () -> lb("lb1", 101));
    }

    /** lb2 takes the address over: answers through it, and the address on its eth0. */
    private void takeover(String fault, long atMs) {
        long settled = awaitSettled("answers through lb2 after " + fault, atMs, via("lb2"));
        Awaitility.await("the VIP on lb2's eth0").atMost(GENEROUS).until(() -> holdsVip(
                "lb2"));
        Timeline timeline = timeline();
        Timeline.Sample first = timeline.first(atMs, via("lb2")).orElseThrow();
        Timeline.Sample last = timeline.lastBefore(first.atMs(), via("lb1")).orElseThrow();
        List<Timeline.Sample> during = timeline.between(last.atMs() + 1, settled + 1);
        report.put(fault, "no answer for " + (first.doneMs() - last.doneMs()) + " ms (last "
                + "through lb1 to first through lb2); " + Timeline.failures(during)
                + " failed requests; slowest request " + during.stream().mapToLong(
                        Timeline.Sample::tookMs).max().orElse(0)
                + " ms");
    }

    /**
     * lb1 takes the address back once its servers are UP to it again (after a restart: a check
     * passed; after a brief cut of its cable: they stayed UP, fall was not reached). No request is
     * answered 503 or refused on the way (the new master listens and has a healthy server
     * before it takes the address), and none sent after the switch fails. A request in flight
     * at the very moment of the switch may still fail: its client's next packets go to lb1,
     * which knows nothing of the connection (keepalived has the same race); the report
     * counts those.
     */
    private void failback(String repair, Runnable action) {
        long repaired = clock.epochMillis();
        action.run();
        awaitSettled("answers through lb1 after " + repair, repaired, via("lb1"));
        Awaitility.await("the VIP off lb2's eth0").atMost(GENEROUS).until(() -> !holdsVip(
                "lb2"));
        Timeline timeline = timeline();
        Timeline.Sample first = timeline.first(repaired, via("lb1")).orElseThrow();
        List<Timeline.Sample> failed = timeline.since(repaired).stream().filter(s -> !s
                .answer().ok()).toList();
        report.put(repair, "VIP back on lb1 after " + seconds(first.atMs() - repaired)
                + "; " + failed.size() + " failed requests" + (failed
                        .isEmpty()
                                ? ""
                                : " (in flight at the switch: " + failed.stream().map(
                                        s -> s.answer().web()).distinct().toList() + ")"));
        assertThat(failed).as("failures after %s", repair).noneMatch(s -> s.answer().web()
                .startsWith("HTTP/") || s.answer().web().contains("refused"));
        assertThat(timeline.since(first.atMs())).as("requests sent once lb1 answered")
                .allMatch(s -> s.answer().ok());
    }

    private void web(String name) {
        LabHost host = lab.host(name);
        Path root = SiteFiles.webRoot(dir, name);
        running.put(name, host.startBramble("web", "--root", root.toString(), "--bind", host
                .address().getHostAddress() + ":" + HTTP_PORT));
    }

    private void lb(String name, int priority) {
        LabHost host = lab.host(name);
        Map<String, HostPort> servers = new LinkedHashMap<>();
        for (String web : List.of("web1", "web2")) {
            servers.put(web, new HostPort(lab.host(web).address().getHostAddress(),
                    HTTP_PORT));
        }
        Path cfg = SiteFiles.write(dir.resolve(name + "/haproxy.cfg"), SiteFiles.haproxyCfg(
                name, new HostPort("0.0.0.0", STATS_PORT), new HostPort(VIP, HTTP_PORT),
                servers));
        Path conf = SiteFiles.write(dir.resolve(name + "/keepalived.conf"), SiteFiles
                .seedKeepalivedConf(host.interfaceName(), priority, VIP));
        ManagedProcess lb = host.startBramble("lb", "-f", cfg.toString(), "--vrrp", conf
                .toString());
        running.put(name, lb);
        lb.awaitLine("bramble lb: listening on");
    }

    private boolean holdsVip(String name) {
        return lab.host(name).exec("ip", "-4", "-o", "addr", "show", "dev", "eth0").output()
                .contains(" " + VIP + "/");
    }

    private static Predicate<Answer> via(String lb) {
        return a -> a.ok() && a.lb().equals(lb);
    }

    private long awaitSettled(String what, long fromMs, Predicate<Answer> condition) {
        return awaitSettled(what, fromMs, condition, SETTLED);
    }

    /** Waits until {@code count} answers in a row match; returns when the first was sent. */
    private long awaitSettled(String what, long fromMs, Predicate<Answer> condition,
            int count) {
        Awaitility.await(what).atMost(GENEROUS).pollInterval(Duration.ofMillis(200))
                .until(() -> client.isAlive() && timeline().settled(fromMs, count, condition)
                        .isPresent() || !client.isAlive());
        assertThat(client.isAlive()).as("the client loop: %s", client.report()).isTrue();
        return timeline().settled(fromMs, count, condition).orElseThrow().atMs();
    }

    private Timeline timeline() {
        return Timeline.parse(client.log().text());
    }

    private static String seconds(long ms) {
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private String report() {
        StringBuilder text = new StringBuilder("The seed 000 website in a namespace lab, as a "
                + "client requesting every " + INTERVAL_MS + " ms saw it:\n");
        report.forEach((step, what) -> text.append(String.format(java.util.Locale.ROOT,
                "  %-36s %s%n", step, what)));
        return text.toString();
    }
}
