package io.bramble.vrrp.service;

import io.bramble.vrrp.core.Advert;
import io.bramble.vrrp.core.VrrpEvent;
import io.bramble.vrrp.core.VrrpVersion;
import io.bramble.vrrp.net.AdvertChannel;
import io.bramble.vrrp.wire.Decoded;
import io.bramble.vrrp.wire.Decoded.Accepted;
import io.bramble.vrrp.wire.Decoded.Dropped;
import io.bramble.vrrp.wire.DropCounters;
import io.bramble.vrrp.wire.DropReason;
import io.bramble.vrrp.wire.VrrpPacket;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one channel on a virtual thread and routes each advert to the instance it is for:
 * same virtual router id, multicast or one of its unicast peers, the same password for
 * version 2. Everything else is dropped and counted, never thrown.
 */
final class Receiver implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);
    /** How long a receive waits, which bounds how long stopping takes. */
    static final int POLL_MS = 200;
    /** After a socket error, wait this long before reading again. */
    private static final long ERROR_PAUSE_MS = 100;

    private final AdvertChannel channel;
    private final List<InstanceRuntime> instances;
    private final EventLoop loop;
    private final DropCounters drops;
    private final RateLimitedLog warnings = new RateLimitedLog(10_000);
    private volatile boolean running = true;

    Receiver(AdvertChannel channel, List<InstanceRuntime> instances, EventLoop loop,
            DropCounters drops) {
        this.channel = channel;
        this.instances = List.copyOf(instances);
        this.loop = loop;
        this.drops = drops;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Decoded decoded = channel.receive(POLL_MS);
                if (decoded != null) {
                    handle(decoded);
                }
            } catch (IOException e) {
                if (!running) {
                    return; // closed or interrupted by stop
                }
                warnings.warn(LOG, "receive", "cannot receive adverts from {}: {}", channel
                        .source().getHostAddress(), e.getMessage());
                pause();
            }
        }
    }

    void handle(Decoded decoded) {
        switch (decoded) {
            case Dropped dropped -> {
                drops.add(dropped.reason());
                LOG.debug("dropped a packet: {} ({})", dropped.reason().meaning(), dropped
                        .detail());
            }
            case Accepted accepted -> route(accepted);
        }
    }

    private void route(Accepted accepted) {
        VrrpPacket packet = accepted.packet();
        boolean known = false;
        for (InstanceRuntime instance : instances) {
            if (instance.config.virtualRouterId() != packet.virtualRouterId()) {
                continue;
            }
            known = true;
            if (!instance.accepts(accepted.source(), accepted.destination())) {
                drops.add(DropReason.NOT_A_PEER);
                continue;
            }
            if (packet.version() == VrrpVersion.V2 && instance.config.version() == VrrpVersion.V2
                    && !packet.password().equals(instance.config.password())) {
                drops.add(DropReason.AUTHENTICATION_MISMATCH);
                warnings.warn(LOG, instance.name() + ":auth", "({}) an advert from {} has "
                        + "another password", instance.name(),
                        accepted.source()
                                .getHostAddress());
                continue;
            }
            Advert advert = new Advert(packet.version(), packet.virtualRouterId(), packet
                    .priority(), packet.advertIntervalMs(), accepted.source());
            if (!loop.post(new VrrpEvent.AdvertReceived(instance.name(), advert))) {
                drops.add(DropReason.OVERLOAD);
            }
        }
        if (!known) {
            drops.add(DropReason.UNKNOWN_VIRTUAL_ROUTER);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ERROR_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
