package io.bramble.cli.site;

import io.bramble.common.error.UserError;
import io.bramble.common.net.HostPort;
import io.bramble.vrrp.net.UdpAdvertChannel;
import io.bramble.vrrp.service.Backend;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options {@code bramble lb} takes to run VRRP in the same process. */
public final class VrrpOptions {
    @Option(
            names = "--vrrp",
            paramLabel = "FILE",
            description = {"Also run the keepalived.conf FILE in this process: the",
                    "listeners bound on a virtual address listen only while",
                    "this node holds it, and this node does not take the address",
                    "while a backend behind it has no healthy server."})
    Path file;

    @Option(
            names = "--vrrp-backend",
            paramLabel = "linux|loopback",
            description = {"With --vrrp: linux (the default, needs root) or loopback",
                    "(one machine, no root, 127.x virtual addresses)."})
    String backend;

    @Option(
            names = "--vrrp-loopback-port",
            paramLabel = "PORT",
            description = {"With --vrrp-backend loopback: the UDP port of the adverts;",
                    UdpAdvertChannel.PORT_DEFAULT + " unless set."})
    Integer loopbackPort;

    /** True when {@code --vrrp} was given; the other options need it. */
    public boolean enabled() {
        if (file == null && (backend != null || loopbackPort != null)) {
            throw UserError.usage("--vrrp-backend and --vrrp-loopback-port need --vrrp FILE "
                    + "(the keepalived.conf to run)");
        }
        return file != null;
    }

    Path file() {
        return file;
    }

    Backend backend() {
        if (backend == null) {
            return Backend.LINUX;
        }
        return switch (backend) {
            case "linux" -> Backend.LINUX;
            case "loopback" -> Backend.LOOPBACK;
            default -> throw UserError.usage("--vrrp-backend '" + backend
                    + "': expected linux or loopback");
        };
    }

    int loopbackPort() {
        if (loopbackPort == null) {
            return UdpAdvertChannel.PORT_DEFAULT;
        }
        if (loopbackPort < HostPort.PORT_MIN || loopbackPort > HostPort.PORT_MAX) {
            throw UserError.usage("--vrrp-loopback-port " + loopbackPort + ": expected a port "
                    + "from " + HostPort.PORT_MIN + " to " + HostPort.PORT_MAX);
        }
        return loopbackPort;
    }
}
