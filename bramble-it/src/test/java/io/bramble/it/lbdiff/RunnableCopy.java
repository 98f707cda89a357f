package io.bramble.it.lbdiff;

import io.bramble.common.net.HostPort;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A user's haproxy.cfg made runnable on this machine, the same text for HAProxy and bramble.
 * Every other line is kept as written. The rewrites:
 *
 * <ul>
 * <li>each {@code bind ADDRESS:PORT} listens on the given local address and a port of its own,
 * its options kept; a {@code crt PATH} names the throw-away certificate instead;</li>
 * <li>each {@code server NAME ADDRESS[:PORT]} points at the address given for
 * {@code SECTION/NAME}, its options kept;</li>
 * <li>{@code log}, {@code stats socket}, {@code chroot}, {@code user}, {@code group} and
 * {@code daemon} lines are commented out: they need a syslog socket, root or a detached
 * process, none of which a test has.</li>
 * </ul>
 *
 * @param text the runnable configuration
 * @param binds the listening endpoints, in the order of the file's {@code bind} lines
 * @param servers the address each {@code SECTION/NAME} server now points at
 * @param rewrites every changed line, as {@code LINE: BEFORE => AFTER}
 */
record RunnableCopy(String text, List<Bind> binds, Map<String, InetSocketAddress> servers,
        List<String> rewrites) {
    /** Directives a test cannot run, commented out wherever they stand. */
    static final Set<String> NEUTRALISED = Set.of("log", "chroot", "user", "group", "daemon");
    /** Keywords that open a section; the second word names it. */
    static final Set<String> SECTIONS = Set.of("global", "defaults", "frontend", "backend",
            "listen", "peers", "resolvers", "userlist", "cache", "program", "http-errors");

    /**
     * One listening endpoint of the copy.
     *
     * @param original the address as the file wrote it, such as {@code *:443}
     * @param endpoint where the copy listens
     * @param tls the bind terminates TLS ({@code ssl})
     */
    record Bind(String original, HostPort endpoint, boolean tls) {}

    RunnableCopy {
        binds = List.copyOf(binds);
        servers = Map.copyOf(servers);
        rewrites = List.copyOf(rewrites);
    }

    /**
     * The runnable copy of {@code original}: binds on {@code host} with ports from
     * {@code ports}, servers at {@code serverAddress} of {@code SECTION/NAME}, {@code crt}
     * naming {@code certificate}. A TLS bind without a certificate, or a bind address that is
     * not {@code [HOST]:PORT}, is refused.
     */
    static RunnableCopy of(String original, String host, IntSupplier ports,
            Function<String, InetSocketAddress> serverAddress, Optional<Path> certificate) {
        List<String> out = new ArrayList<>();
        List<Bind> binds = new ArrayList<>();
        Map<String, InetSocketAddress> servers = new LinkedHashMap<>();
        List<String> rewrites = new ArrayList<>();
        String section = "";
        String[] lines = original.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            String[] words = line.strip().split("\\s+");
            String rewritten = line;
            if (SECTIONS.contains(words[0])) {
                section = words.length > 1 ? words[1] : words[0];
            } else if (NEUTRALISED.contains(words[0]) || line.strip().startsWith("stats socket")) {
                rewritten = indent + "# not run here: " + line.strip();
            } else if (words[0].equals("bind")) {
                Bind bind = bind(words, host, ports.getAsInt(), certificate, i + 1);
                binds.add(bind);
                words[1] = bind.endpoint().toString();
                rewritten = indent + String.join(" ", words);
            } else if (words[0].equals("server") && words.length >= 3) {
                InetSocketAddress address = serverAddress.apply(section + "/" + words[1]);
                servers.put(section + "/" + words[1], address);
                words[2] = address.getAddress().getHostAddress() + ":" + address.getPort();
                rewritten = indent + String.join(" ", words);
            }
            if (!rewritten.equals(line)) {
                rewrites.add((i + 1) + ": " + line.strip() + " => " + rewritten.strip());
            }
            out.add(rewritten);
        }
        return new RunnableCopy(String.join("\n", out), binds, servers, rewrites);
    }

    private static Bind bind(String[] words, String host, int port, Optional<Path> certificate,
            int line) {
        if (words.length < 2 || !words[1].matches("[^,]*:[0-9]+")) {
            throw new IllegalArgumentException("line " + line + ": bind " + Arrays.toString(words)
                    + " is not one [HOST]:PORT");
        }
        boolean tls = Arrays.asList(words).contains("ssl");
        for (int w = 2; w < words.length - 1; w++) {
            if (words[w].equals("crt")) {
                words[w + 1] = certificate.orElseThrow(() -> new IllegalArgumentException("line "
                        + line + ": a TLS bind needs a certificate")).toString();
            }
        }
        return new Bind(words[1], new HostPort(host, port), tls);
    }
}
