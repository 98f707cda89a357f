package io.bramble.testkit.net;

import io.bramble.common.check.Checks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Finds ports a process may bind. A candidate is tried by binding it on the address, and
 * another is tried when that fails (a race with another program took it). Candidates come from
 * below the kernel's ephemeral range: the kernel never hands those out for {@code bind(0)} or
 * outgoing connections, so between our check and the process's bind only another program that
 * picks ports by number could take one. A port is handed out once per address in this JVM.
 */
public final class FreePorts {
    /** The lowest port handed out; below it sit well-known and commonly configured ports. */
    public static final int PORT_MIN = 20_000;
    /** Used when the ephemeral range cannot be read; Linux's default starts at 32768. */
    private static final int EPHEMERAL_FIRST_DEFAULT = 32_768;
    /** Candidates tried before giving up. */
    public static final int ATTEMPTS_MAX = 200;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final FreePorts SHARED = new FreePorts(RandomGenerator.of("L64X128MixRandom"),
            PORT_MIN,
            ephemeralFirst() - 1);

    private final RandomGenerator random;
    private final int portMin;
    private final int portMax;
    private final Set<String> handedOut = new HashSet<>();

    /** Ports in [{@code portMin}, {@code portMax}], chosen with {@code random}. */
    public FreePorts(RandomGenerator random, int portMin, int portMax) {
        Checks.argument(0 < portMin && portMin <= portMax && portMax <= 65_535,
                "port range must lie in 1..65535, got " + portMin + ".." + portMax);
        this.random = random;
        this.portMin = portMin;
        this.portMax = portMax;
    }

    /** The JVM-wide instance: random ports below the ephemeral range. */
    public static FreePorts shared() {
        return SHARED;
    }

    /** A port that could be bound on {@code address} just now and was not handed out before. */
    public synchronized int on(InetAddress address) {
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            int port = random.nextInt(portMin, portMax + 1);
            String key = address.getHostAddress() + ":" + port;
            if (!handedOut.contains(key) && canBind(address, port)) {
                handedOut.add(key);
                return port;
            }
        }
        throw new IllegalStateException("no free port on " + address.getHostAddress() + " in "
                + portMin + ".." + portMax + " after " + ATTEMPTS_MAX + " attempts");
    }

    static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralFirst() {
        try {
            String[] range = Files.readString(EPHEMERAL_RANGE).strip().split("\\s+");
            int first = Integer.parseInt(range[0]);
            return first > PORT_MIN + 1_000 ? first : EPHEMERAL_FIRST_DEFAULT;
        } catch (IOException | RuntimeException e) {
            return EPHEMERAL_FIRST_DEFAULT;
        }
    }
}
