package io.bramble.lvs.schedule;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Real servers and flows for the scheduler tests. */
final class Servers {
    private Servers() {
    }

    /** Servers 10.0.0.1, 10.0.0.2, ... on port 80 with these weights. */
    static List<Destination> weighted(int... weights) {
        List<Destination> servers = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            servers.add(new Destination(new InetSocketAddress("10.0.0." + (i + 1), 80),
                    weights[i]));
        }
        return servers;
    }

    static Flow from(String client) {
        return new Flow(address(client), address("192.168.0.100"), 0);
    }

    static Flow to(String target) {
        return new Flow(address("172.16.0.1"), address(target), 0);
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Gives {@code server} {@code active} active connections. */
    static void load(Destination server, int active) {
        for (int i = 0; i < active; i++) {
            server.connected();
        }
    }

    /** The indexes (from 0) of {@code rounds} successive choices. */
    static List<Integer> picks(Scheduler scheduler, List<Destination> servers, int rounds) {
        scheduler.serversChanged(servers);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            out.add(servers.indexOf(scheduler.schedule(servers, from("172.16.0.1"))));
        }
        return out;
    }
}
