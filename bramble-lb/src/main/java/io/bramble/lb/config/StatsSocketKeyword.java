package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.net.HostPort;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code stats socket ADDRESS [mode OCTAL] [level user|operator|admin]} in the global section.
 * A path (or {@code unix@PATH}) is a unix socket; {@code ADDRESS:PORT} (or {@code ipv4@},
 * {@code ipv6@}) a TCP one. Other bind options of HAProxy are refused by name.
 */
final class StatsSocketKeyword {
    /** Longest unix socket path the kernel accepts (sun_path less its terminating zero). */
    static final int PATH_BYTES_MAX = 107;

    private StatsSocketKeyword() {
    }

    static StatsSocketConfig read(Args a) {
        String address = a.next("a socket path or ADDRESS:PORT");
        Optional<String> path = Optional.empty();
        Optional<HostPort> tcp = Optional.empty();
        if (address.startsWith("unix@")) {
            path = Optional.of(unixPath(a, address.substring("unix@".length())));
        } else if (address.startsWith("/") || address.startsWith(".")) {
            path = Optional.of(unixPath(a, address));
        } else {
            String text = address.replaceFirst("^ipv[46]@", "");
            tcp = Optional.of(HostPort.tryParse(text).orElseThrow(() -> a.unexpected(
                    "a unix socket path or ADDRESS:PORT", address)));
        }
        OptionalInt mode = OptionalInt.empty();
        StatsSocketConfig.Level level = StatsSocketConfig.Level.OPERATOR;
        while (a.hasNext()) {
            String option = a.next("a socket option");
            switch (option) {
                case "mode" -> mode = OptionalInt.of(octal(a));
                case "level" -> level = StatsSocketConfig.Level.valueOf(a.choice("a level",
                        "user", "operator", "admin").toUpperCase(Locale.ROOT));
                case "expose-fd" -> {
                    a.next("what to expose");
                    a.warning("'expose-fd' ignored: bramble reloads in place and hands its "
                            + "listeners over itself");
                }
                case "user", "uid", "group", "gid" -> {
                    a.next("a value");
                    a.warning("'" + option + "' ignored: the socket belongs to the user "
                            + "bramble runs as; use 'mode' to open it to others");
                }
                default -> throw a.fail("stats socket option " + Args.quote(option)
                        + " is not supported by bramble; supported: mode, level, expose-fd");
            }
        }
        return new StatsSocketConfig(path, tcp, mode, level, ProxySection.location(a));
    }

    private static String unixPath(Args a, String path) {
        if (path.isEmpty()
                || path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PATH_BYTES_MAX) {
            throw a.unexpected("a unix socket path of 1 to " + PATH_BYTES_MAX + " bytes", path);
        }
        return path;
    }

    private static int octal(Args a) {
        String text = a.next("permissions in octal, such as 600");
        try {
            int mode = Integer.parseInt(text, 8);
            if (mode >= 0 && mode <= StatsSocketConfig.MODE_MAX) {
                return mode;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw a.unexpected("permissions in octal from 0 to 777, such as 600", text);
    }
}
