package io.bramble.vrrp.service;

import io.bramble.common.check.Checks;
import io.bramble.common.net.HostPort;
import io.bramble.vrrp.net.UdpAdvertChannel;
import java.util.function.Consumer;

/**
 * How a {@link VrrpService} runs.
 *
 * @param backend linux or loopback
 * @param loopbackPort the UDP port of the loopback backend's adverts
 * @param events receives one human-readable line per event worth showing (state changes,
 *        addresses taken and given up); the CLI prints them
 */
public record ServiceOptions(Backend backend, int loopbackPort, Consumer<String> events) {
    public ServiceOptions {
        Checks.argument(backend != null, "backend is required");
        Checks.inRange(loopbackPort, HostPort.PORT_MIN, HostPort.PORT_MAX, "loopback port");
        Checks.argument(events != null, "events is required");
    }

    public static ServiceOptions of(Backend backend, Consumer<String> events) {
        return new ServiceOptions(backend, UdpAdvertChannel.PORT_DEFAULT, events);
    }
}
