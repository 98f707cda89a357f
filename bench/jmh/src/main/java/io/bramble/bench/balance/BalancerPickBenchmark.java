package io.bramble.bench.balance;

import io.bramble.lb.balance.BalancedServer;
import io.bramble.lb.balance.Balancer;
import io.bramble.lb.balance.RequestKey;
import io.bramble.lb.config.BalanceAlgorithm;
import io.bramble.lb.config.BalanceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the balancer adds to each proxied request: choosing a server, then counting the
 * connection taken and released, as the proxy does once per request. The requests come from
 * a fixed set of client addresses and URIs so that hashing algorithms see varied keys. HAProxy
 * spends about 10 µs of CPU on a whole keep-alive request on the bench machine; this part
 * should stay a small fraction of that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BalancerPickBenchmark {
    /** Distinct request keys cycled through; a power of two so the index is a mask. */
    private static final int KEY_COUNT = 1024;

    @Param({"ROUNDROBIN", "LEASTCONN", "SOURCE", "URI", "RANDOM"})
    public BalanceAlgorithm algorithm;

    @Param({"2", "32"})
    public int serverCount;

    private Balancer balancer;
    private RequestKey[] keys;
    private int next;

    @Setup
    public void setUp() {
        List<BalancedServer> servers = new ArrayList<>();
        for (int i = 0; i < serverCount; i++) {
            servers.add(new BalancedServer(i, "web" + (i + 1), 1, false, 0));
        }
        balancer = Balancer.create(BalanceConfig.of(algorithm), servers,
                new SplittableRandom(42));
        servers.forEach(balancer::serverUp);
        SplittableRandom random = new SplittableRandom(7);
        keys = new RequestKey[KEY_COUNT];
        for (int i = 0; i < KEY_COUNT; i++) {
            byte[] address = {10, (byte) random.nextInt(256), (byte) random.nextInt(256),
                    (byte) random.nextInt(256)};
            keys[i] = RequestKey.of(address, "/static/page-" + random.nextInt(10_000) + ".html");
        }
    }

    /** One request's worth of balancer work; returns the server so it is not optimised away. */
    @Benchmark
    public BalancedServer pickTakeRelease() {
        RequestKey key = keys[next++ & (KEY_COUNT - 1)];
        BalancedServer server = balancer.pick(key, null);
        balancer.connectionTaken(server);
        balancer.connectionReleased(server);
        return server;
    }
}
