package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.net.HostPort;
import java.util.Arrays;
import java.util.List;

/** Reads {@code log TARGET [len N] [format F] FACILITY [LEVEL [MINLEVEL]]}. */
final class LogKeywords {
    private static final String[] LEVELS = Arrays.stream(LogLevel.values())
            .map(LogLevel::keyword).toArray(String[]::new);
    private static final List<String> FORMATS = List.of("rfc3164", "rfc5424", "short", "raw",
            "iso", "local", "priority", "timed");
    /** HAProxy accepts log lines of 80 to 65535 bytes. */
    private static final int LINE_BYTES_MIN = 80;
    private static final int LINE_BYTES_MAX = 65_535;

    private LogKeywords() {
    }

    /** One log target, the words after {@code log}. */
    static LogTarget target(Args args) {
        String address = args.next("a log target (stdout, stderr, /dev/log or ADDRESS[:PORT])");
        checkAddress(args, address);
        int lineBytesMax = LogTarget.LINE_BYTES_DEFAULT;
        boolean raw = false;
        while (args.peek().filter(w -> w.equals("len") || w.equals("format")
                || w.equals("sample")).isPresent()) {
            String option = args.next("a log option");
            switch (option) {
                case "len" -> lineBytesMax = args.integer("a log line length", LINE_BYTES_MIN,
                        LINE_BYTES_MAX);
                case "format" -> {
                    String format = args.choice("a log format", FORMATS.toArray(String[]::new));
                    raw = format.equals("raw");
                    if (!raw && !format.equals("rfc3164")) {
                        args.warning("log format '" + format + "' is not written by bramble; "
                                + "its lines go in the rfc3164 format (or write 'format raw')");
                    }
                }
                default -> throw args.fail("log 'sample' is not supported by bramble");
            }
        }
        String facility = args.choice("a syslog facility",
                LogTarget.FACILITIES.toArray(String[]::new));
        LogLevel levelMax = LogLevel.DEBUG;
        LogLevel levelMin = LogLevel.EMERG;
        if (args.hasNext()) {
            levelMax = level(args, "a log level");
        }
        if (args.hasNext()) {
            levelMin = level(args, "a minimum log level");
        }
        args.end();
        return new LogTarget(address, facility, levelMax, levelMin, lineBytesMax, raw,
                ProxySection.location(args));
    }

    private static LogLevel level(Args args, String what) {
        String keyword = args.choice(what, LEVELS);
        return LogLevel.of(keyword).orElseThrow();
    }

    private static void checkAddress(Args args, String address) {
        if (address.equals("stdout") || address.equals("stderr") || address.startsWith("/")) {
            return;
        }
        if (address.contains("@")) {
            throw args.fail("log target " + Args.quote(address) + " is not supported by "
                    + "bramble; use stdout, stderr, a socket path or ADDRESS[:PORT]");
        }
        boolean hasPort = address.startsWith("[") || address.indexOf(':') > 0
                && address.indexOf(':') == address.lastIndexOf(':');
        if (hasPort && HostPort.tryParse(address).isEmpty()) {
            throw args.unexpected("a log target (stdout, stderr, /dev/log or ADDRESS[:PORT])",
                    address);
        }
    }

    /** The keyword that set a proxy's line format, as HAProxy's override warning names it. */
    static String formatKeyword(LogSettings log) {
        return switch (log.format()) {
            case HTTP -> "option httplog";
            case TCP -> "option tcplog";
            case CUSTOM -> "log-format";
            case DEFAULT -> throw new IllegalStateException("no format keyword was written");
        };
    }
}
