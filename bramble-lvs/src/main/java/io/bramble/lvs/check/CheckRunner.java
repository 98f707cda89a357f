package io.bramble.lvs.check;

import io.bramble.lvs.config.CheckConfig;
import io.bramble.lvs.config.HttpGetConfig;
import io.bramble.lvs.config.MiscCheckConfig;
import io.bramble.lvs.config.TcpCheckConfig;
import io.bramble.lvs.config.VirtualServerConfig;
import io.bramble.lvs.service.LvsEvent;
import io.bramble.lvs.service.VirtualService;
import io.bramble.vrrp.service.CommandRunner;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every checker of a virtual service, each on a virtual thread of its own: an attempt,
 * then {@link Retries} says whether the server changed state and how long to wait. Changes go
 * to the {@link VirtualService}; what it asks for goes to {@code events}. With
 * {@code ha_suspend}, checks pause while no local interface holds a virtual address.
 */
public final class CheckRunner implements AutoCloseable {
    private final VirtualService service;
    private final Consumer<LvsEvent> events;
    private final CommandRunner commands;
    private final List<Thread> threads = new ArrayList<>();

    public CheckRunner(VirtualService service, Consumer<LvsEvent> events,
            CommandRunner commands) {
        this.service = service;
        this.events = events;
        this.commands = commands;
    }

    /** Starts every checker. */
    public void start() {
        VirtualServerConfig config = service.config();
        for (int real = 0; real < config.realServers().size(); real++) {
            var server = config.realServers().get(real);
            for (int check = 0; check < server.checks().size(); check++) {
                CheckConfig checkConfig = server.checks().get(check);
                Probe probe = probe(checkConfig);
                Retries retries = new Retries(checkConfig.timing(), !server.alpha());
                int realIndex = real;
                int checkIndex = check;
                threads.add(Thread.ofVirtual().name("lvs-check-" + server.address() + "-"
                        + checkConfig.kind()).start(
                                () -> loop(realIndex, checkIndex, probe,
                                        retries)));
            }
        }
    }

    private Probe probe(CheckConfig config) {
        return switch (config) {
            case TcpCheckConfig tcp -> new TcpProbe(tcp.target(), tcp.timing().connectTimeout());
            case HttpGetConfig http -> new HttpGetProbe(http);
            case MiscCheckConfig misc -> new MiscProbe(misc, commands);
        };
    }

    private void loop(int real, int check, Probe probe, Retries retries) {
        int weightSet = -1;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (service.config().haSuspend() && !addressHeld()) {
                    Thread.sleep(service.config().realServers().get(real).checks().get(check)
                            .timing().delayLoop());
                    continue;
                }
                Probe.Result result = probe.attempt();
                Retries.Step step = retries.attempted(result.passed());
                boolean weightChanged = result.passed() && result.dynamicWeight() >= 0
                        && result.dynamicWeight() != weightSet;
                if (step.verdict() != Retries.Verdict.NONE || weightChanged) {
                    if (step.verdict() == Retries.Verdict.DOWN) {
                        events.accept(new LvsEvent.Log("Check failed: " + result.detail()));
                    }
                    weightSet = result.dynamicWeight();
                    service.checked(real, check, retries.up(), result.dynamicWeight())
                            .forEach(events);
                }
                Thread.sleep(step.next());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean addressHeld() {
        for (InetSocketAddress address : service.config().addresses()) {
            try {
                if (NetworkInterface.getByInetAddress(address.getAddress()) != null) {
                    return true;
                }
            } catch (SocketException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }
}
