package io.bramble.lvs.schedule;

import static io.bramble.lvs.schedule.Servers.from;
import static io.bramble.lvs.schedule.Servers.load;
import static io.bramble.lvs.schedule.Servers.to;
import static io.bramble.lvs.schedule.Servers.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sh, dh, mh, lblc and lblcr: stable by address, weights and locality as IPVS has them. */
class HashingSchedulersTest {
    private static List<String> clients(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("172.16." + (i / 250) + "." + (i % 250 + 1));
        }
        return out;
    }

    private static Map<String, Destination> assign(Scheduler scheduler,
            List<Destination> servers, List<String> clients) {
        scheduler.serversChanged(servers);
        Map<String, Destination> out = new HashMap<>();
        for (String client : clients) {
            out.put(client, scheduler.schedule(servers, from(client)));
        }
        return out;
    }

    @Test
    void sourceHashingKeepsAClientOnItsServerAndDealsBucketsByWeight() {
        List<Destination> servers = weighted(3, 1);
        Destination[] buckets = SourceHashing.deal(servers);
        assertThat(Arrays.stream(buckets).filter(b -> b == servers.get(0))).hasSize(192);
        assertThat(buckets[0]).isSameAs(servers.get(0));
        assertThat(buckets[3]).isSameAs(servers.get(1));
        Scheduler sh = Schedulers.create(SchedulerKind.SH);
        Map<String, Destination> first = assign(sh, servers, clients(500));
        assertThat(assign(sh, servers, clients(500))).isEqualTo(first);
        load(servers.get(0), 1000);
        assertThat(assign(sh, servers, clients(500))).as("load does not move clients")
                .isEqualTo(first);
    }

    @Test
    void sourceHashingGivesNoServerWhenTheBucketsServerIsQuiesced() {
        List<Destination> servers = weighted(1, 1);
        Scheduler sh = Schedulers.create(SchedulerKind.SH);
        Map<String, Destination> before = assign(sh, servers, clients(100));
        servers.get(1).setWeight(0);
        before.forEach((client, server) -> assertThat(sh.schedule(servers, from(client)))
                .isEqualTo(server == servers.get(1) ? null : server));
    }

    @Test
    void destinationHashingChoosesByTheVirtualAddressReached() {
        List<Destination> servers = weighted(1, 1, 1);
        Scheduler dh = Schedulers.create(SchedulerKind.DH);
        dh.serversChanged(servers);
        Destination chosen = dh.schedule(servers, to("192.168.0.7"));
        for (String client : clients(50)) {
            Flow flow = new Flow(Servers.address(client), Servers.address("192.168.0.7"), 0);
            assertThat(dh.schedule(servers, flow)).isSameAs(chosen);
        }
        long distinct = clients(200).stream().map(t -> dh.schedule(servers, to(t))).distinct()
                .count();
        assertThat(distinct).isEqualTo(3);
    }

    @Test
    void maglevSharesItsTableByWeight() {
        List<Destination> servers = weighted(3, 1);
        Map<String, Destination> assigned = assign(Schedulers.create(SchedulerKind.MH),
                servers, clients(4000));
        long first = assigned.values().stream().filter(s -> s == servers.get(0)).count();
        // 3 of 4 table entries, so about 3000 of 4000 clients.
        assertThat(first).isBetween(2700L, 3300L);
    }

    @Test
    void maglevMovesFewClientsWhenAServerJoins() {
        List<Destination> servers = weighted(1, 1, 1, 1);
        List<String> clients = clients(4000);
        Map<String, Destination> before = assign(Schedulers.create(SchedulerKind.MH), servers,
                clients);
        List<Destination> grown = new ArrayList<>(servers);
        grown.addAll(weighted(1, 1, 1, 1, 1).subList(4, 5));
        Map<String, Destination> after = assign(Schedulers.create(SchedulerKind.MH), grown,
                clients);
        long toNew = clients.stream().filter(c -> after.get(c) == grown.get(4)).count();
        long moved = clients.stream().filter(c -> after.get(c) != before.get(c)).count();
        assertThat(toNew).isBetween(600L, 1000L);
        // Maglev's disruption beyond the clients the new server takes stays small.
        assertThat(moved - toNew).isLessThan(clients.size() / 20);
    }

    @Test
    void lblcKeepsATargetOnItsServerUntilItIsOverloaded() {
        List<Destination> servers = weighted(2, 2);
        Scheduler lblc = Schedulers.create(SchedulerKind.LBLC);
        Destination first = lblc.schedule(servers, to("192.168.0.7"));
        load(first, 2);
        assertThat(lblc.schedule(servers, to("192.168.0.7"))).as("at its weight, not over")
                .isSameAs(first);
        load(first, 1);
        Destination other = servers.get(1 - servers.indexOf(first));
        assertThat(lblc.schedule(servers, to("192.168.0.7"))).isSameAs(other);
        assertThat(lblc.schedule(servers, to("192.168.0.7"))).as("remembered").isSameAs(other);
    }

    @Test
    void lblcrAddsAServerToTheTargetsSetWhenItsMembersAreOverloaded() {
        List<Destination> servers = weighted(1, 1, 1);
        Scheduler lblcr = Schedulers.create(SchedulerKind.LBLCR);
        Destination first = lblcr.schedule(servers, to("192.168.0.7"));
        load(first, 2);
        Destination second = lblcr.schedule(servers, to("192.168.0.7"));
        assertThat(second).isNotSameAs(first);
        load(second, 1);
        first.disconnected(true);
        first.disconnected(true);
        assertThat(lblcr.schedule(servers, to("192.168.0.7"))).as("the set's least loaded")
                .isSameAs(first);
    }
}
