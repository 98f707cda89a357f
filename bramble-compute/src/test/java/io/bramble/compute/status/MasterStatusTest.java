package io.bramble.compute.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MasterStatusTest {
    /** The shape of Spark 4.2's {@code /json/} page, with one dead worker. */
    private static final String PAGE = """
            {
              "url" : "spark://10.0.0.1:7077",
              "workers" : [ {
                "id" : "worker-20261206101845-10.0.0.2-41000",
                "host" : "10.0.0.2", "port" : 41000,
                "webuiaddress" : "http://10.0.0.2:8081",
                "cores" : 4, "coresused" : 2, "coresfree" : 2,
                "memory" : 3072, "memoryused" : 1024, "memoryfree" : 2048,
                "resources" : { }, "state" : "ALIVE", "lastheartbeat" : 1796552326903
              }, {
                "id" : "worker-20261206101845-10.0.0.3-41000",
                "host" : "10.0.0.3", "port" : 41000,
                "cores" : 4, "coresused" : 0, "memory" : 3072, "memoryused" : 0,
                "state" : "DEAD"
              } ],
              "aliveworkers" : 1, "cores" : 4, "coresused" : 2,
              "activeapps" : [ {
                "id" : "app-20261206101904-0001", "starttime" : 1796552344302,
                "name" : "MonteCarloPi \\"24\\"", "cores" : 2, "user" : "pi",
                "state" : "RUNNING", "duration" : 0
              } ],
              "completedapps" : [ {
                "id" : "app-20261206101904-0000", "name" : "MonteCarloPi", "cores" : 0,
                "state" : "FINISHED", "duration" : 9090
              } ],
              "activedrivers" : [ ], "completeddrivers" : [ ],
              "status" : "ALIVE"
            }
            """;

    @Test
    void readsTheMastersPage() throws Exception {
        MasterStatus status = MasterStatus.parse(PAGE);
        assertThat(status.url()).isEqualTo("spark://10.0.0.1:7077");
        assertThat(status.status()).isEqualTo("ALIVE");
        assertThat(status.workers()).hasSize(2);
        assertThat(status.workers().getFirst()).isEqualTo(new MasterStatus.Worker(
                "worker-20261206101845-10.0.0.2-41000", "10.0.0.2", 41000, 4, 2, 3072, 1024,
                "ALIVE"));
        assertThat(status.aliveWorkers()).isEqualTo(1);
        assertThat(status.aliveCores()).isEqualTo(4);
        assertThat(status.active().getFirst().name()).isEqualTo("MonteCarloPi \"24\"");
        assertThat(status.completed()).containsExactly(new MasterStatus.Application(
                "app-20261206101904-0000", "MonteCarloPi", 0, "FINISHED", 9090));
    }

    @Test
    void printsWorkersByTheirMembersNames() throws Exception {
        Map<String, String> names = Map.of("10.0.0.2", "spark-slave-a.local");
        String text = StatusText.render(MasterStatus.parse(PAGE), "spark-master.local",
                "http://10.0.0.1:8080/", host -> names.getOrDefault(host, host));
        assertThat(text).startsWith("""
                Master: spark://10.0.0.1:7077 on spark-master.local (ALIVE)
                Web UI: http://10.0.0.1:8080/
                Workers: 1 alive, 4 cores
                  spark-slave-a.local ALIVE  cores 4 (2 used)  memory 3072 MiB (1024 used)\
                  worker-20261206101845-10.0.0.2-41000
                  10.0.0.3         DEAD   cores 4 (0 used)  memory 3072 MiB (0 used)\
                  worker-20261206101845-10.0.0.3-41000
                Running applications: 1
                """).endsWith("""
                Finished applications: 1
                  app-20261206101904-0000      MonteCarloPi     FINISHED  9.1 s
                """);
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> MasterStatus.parse("<html>")).isInstanceOf(
                Json.BadJson.class);
        assertThatThrownBy(() -> MasterStatus.parse("[1, 2")).isInstanceOf(
                Json.BadJson.class);
        assertThatThrownBy(() -> MasterStatus.parse("[".repeat(Json.DEPTH_MAX + 2)))
                .hasMessageContaining("nested deeper");
    }
}
