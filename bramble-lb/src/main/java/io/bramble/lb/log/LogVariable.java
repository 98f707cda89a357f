package io.bramble.lb.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code %X} variables of a {@code log-format} line that bramble fills, with HAProxy
 * 2.6's values (configuration manual 8.2.4). A variable has a value in one kind of line only
 * when bramble records it there: an http proxy's line is made per request and dates the
 * request ({@code %tr}), a tcp proxy's per connection and dates the accept ({@code %t}).
 */
enum LogVariable {
    // @formatter:off
    CLIENT_IP("ci", Kind.IP, Lines.BOTH, HttpLogLine.Fields::clientAddress),
    CLIENT_PORT("cp", Kind.PORT, Lines.BOTH, f -> Integer.toString(f.clientPort())),
    FRONTEND_NAME("f", Kind.TEXT, Lines.BOTH, HttpLogLine.Fields::frontend),
    BACKEND_NAME("b", Kind.TEXT, Lines.BOTH, HttpLogLine.Fields::backend),
    SERVER_NAME("s", Kind.TEXT, Lines.BOTH, HttpLogLine.Fields::server),
    ACCEPT_DATE("t", Kind.PLAIN, Lines.TCP, f -> HttpLogLine.date(f.acceptEpochMillis())),
    ACCEPT_SECONDS("Ts", Kind.TIMESTAMP, Lines.TCP,
            f -> Long.toString(Math.floorDiv(f.acceptEpochMillis(), 1000))),
    ACCEPT_MILLIS("ms", Kind.PLAIN, Lines.TCP,
            f -> String.format(Locale.ROOT, "%03d", Math.floorMod(f.acceptEpochMillis(), 1000))),
    REQUEST_DATE("tr", Kind.PLAIN, Lines.HTTP, f -> HttpLogLine.date(f.acceptEpochMillis())),
    REQUEST_DATE_GMT("trg", Kind.PLAIN, Lines.HTTP, f -> Dates.GMT.format(
            Instant.ofEpochMilli(f.acceptEpochMillis()))),
    REQUEST_DATE_LOCAL("trl", Kind.PLAIN, Lines.HTTP, f -> Dates.LOCAL.format(
            Instant.ofEpochMilli(f.acceptEpochMillis()))),
    QUEUE_MS("Tw", Kind.PLAIN, Lines.BOTH, f -> Long.toString(f.queueMs())),
    CONNECT_MS("Tc", Kind.PLAIN, Lines.BOTH, f -> Long.toString(f.connectMs())),
    RESPONSE_MS("Tr", Kind.PLAIN, Lines.HTTP, f -> Long.toString(f.responseMs())),
    ACTIVE_MS("Ta", Kind.PLAIN, Lines.HTTP, f -> Long.toString(f.totalMs())),
    TOTAL_MS("Tt", Kind.PLAIN, Lines.TCP, f -> Long.toString(f.totalMs())),
    STATUS("ST", Kind.PLAIN, Lines.HTTP, f -> Integer.toString(f.status())),
    BYTES_READ("B", Kind.PLAIN, Lines.BOTH, f -> Long.toString(f.bytesOut())),
    TERMINATION("ts", Kind.PLAIN, Lines.BOTH, f -> f.termination().substring(0, 2)),
    TERMINATION_COOKIES("tsc", Kind.PLAIN, Lines.BOTH, HttpLogLine.Fields::termination),
    ACTIVE_CONNECTIONS("ac", Kind.PLAIN, Lines.BOTH,
            f -> Long.toString(f.activeConnections())),
    FRONTEND_CONNECTIONS("fc", Kind.PLAIN, Lines.BOTH,
            f -> Long.toString(f.frontendConnections())),
    BACKEND_CONNECTIONS("bc", Kind.PLAIN, Lines.BOTH,
            f -> Long.toString(f.backendConnections())),
    SERVER_CONNECTIONS("sc", Kind.PLAIN, Lines.BOTH,
            f -> Long.toString(f.serverConnections())),
    RETRIES("rc", Kind.PLAIN, Lines.BOTH,
            f -> (f.redispatched() ? "+" : "") + f.retries()),
    // bramble queues no tcp connection; an http request may wait, at a position not recorded.
    SERVER_QUEUE("sq", Kind.PLAIN, Lines.TCP, f -> "0"),
    BACKEND_QUEUE("bq", Kind.PLAIN, Lines.TCP, f -> "0"),
    // bramble refuses 'capture cookie' and 'capture request|response header'.
    CLIENT_COOKIE("CC", Kind.COOKIE, Lines.HTTP, f -> "-"),
    SERVER_COOKIE("CS", Kind.COOKIE, Lines.HTTP, f -> "-"),
    REQUEST_HEADERS("hr", Kind.CAPTURE, Lines.HTTP, f -> ""),
    RESPONSE_HEADERS("hs", Kind.CAPTURE, Lines.HTTP, f -> ""),
    REQUEST_LINE("r", Kind.REQUEST, Lines.HTTP, HttpLogLine.Fields::requestLine),
    METHOD("HM", Kind.REQUEST, Lines.HTTP, f -> requestPart(f, 0)),
    URI("HU", Kind.REQUEST, Lines.HTTP, f -> requestPart(f, 1)),
    PATH("HP", Kind.REQUEST, Lines.HTTP, f -> {
        String uri = requestPart(f, 1);
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }),
    VERSION("HV", Kind.REQUEST, Lines.HTTP, f -> requestPart(f, 2)),
    PID("pid", Kind.PLAIN, Lines.BOTH, f -> Long.toString(ProcessHandle.current().pid()));
    // @formatter:on

    /** What a value is, which decides what {@code %{+Q}} and {@code %{+X}} do to it. */
    enum Kind {
        /** A name, quoted by {@code +Q}. */
        TEXT,
        /** Quoted by {@code +Q}; the request line's parts, escaped as the httplog line's. */
        REQUEST,
        /** Empty without a capture, even quoted, and then not even a separator follows it. */
        CAPTURE,
        /** {@code -} without a capture, and {@code ""} quoted. */
        COOKIE,
        /** Numbers, dates and states: never quoted. */
        PLAIN,
        /** Quoted by {@code +Q}; an IPv4 address is 8 hex digits with {@code +X}. */
        IP,
        /** 4 hex digits with {@code +X}. */
        PORT,
        /** 8 hex digits with {@code +X}. */
        TIMESTAMP
    }

    /** Which lines give the variable a value. */
    enum Lines {
        BOTH, HTTP, TCP
    }

    /** HAProxy 2.6 variables bramble refuses, with why. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("o", "(flags for every variable after it) is not supported by bramble"),
            Map.entry("ft", "is not filled by bramble, which does not record the '~' HAProxy "
                    + "adds for a TLS connection; write %f"),
            Map.entry("T", "(GMT accept date) is not filled by bramble; use %trg"),
            Map.entry("Tl", "(local accept date) is not filled by bramble; use %trl"),
            Map.entry("Tq", "is not filled by bramble, which does not record the handshake "
                    + "and idle times"),
            Map.entry("Th", "is not filled by bramble, which does not record handshake times"),
            Map.entry("Ti", "is not filled by bramble, which does not record idle times"),
            Map.entry("TR", "is not filled by bramble, which does not time the request's "
                    + "reception"),
            Map.entry("Td", "is not filled by bramble, which does not record %Tq"),
            Map.entry("Tu", "is not filled by bramble"),
            Map.entry("U", "is not filled by bramble, which does not count the bytes read "
                    + "from each client"),
            Map.entry("fi", "is not filled by bramble at log time"),
            Map.entry("fp", "is not filled by bramble at log time"),
            Map.entry("bi", "is not filled by bramble at log time"),
            Map.entry("bp", "is not filled by bramble at log time"),
            Map.entry("si", "is not filled by bramble at log time"),
            Map.entry("sp", "is not filled by bramble at log time"),
            Map.entry("H", "is not filled by bramble at log time"),
            Map.entry("HPO", "is not filled by bramble at log time"),
            Map.entry("HQ", "is not filled by bramble at log time"),
            Map.entry("ID", "is not supported by bramble, which has no unique-id-format"),
            Map.entry("rt", "is not filled by bramble, which does not number requests"),
            Map.entry("lc", "is not filled by bramble"),
            Map.entry("hrl", "is not filled by bramble"),
            Map.entry("hsl", "is not filled by bramble"),
            Map.entry("sslc", "is not filled by bramble, which does not record the cipher"),
            Map.entry("sslv", "is not filled by bramble, which does not record the TLS "
                    + "version"));

    private static final Map<String, LogVariable> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(v -> v.name, v -> v));

    private final String name;
    private final Kind kind;
    private final Lines lines;
    private final Function<HttpLogLine.Fields, String> value;

    LogVariable(String name, Kind kind, Lines lines, Function<HttpLogLine.Fields, String> value) {
        this.name = name;
        this.kind = kind;
        this.lines = lines;
        this.value = value;
    }

    /** The variable written {@code %NAME}, or null when bramble fills none of that name. */
    static LogVariable named(String name) {
        return BY_NAME.get(name);
    }

    /** The variables bramble fills, as a message lists them. */
    static String supported() {
        return Arrays.stream(values()).map(v -> "%" + v.name)
                .collect(Collectors.joining(" "));
    }

    Kind kind() {
        return kind;
    }

    /** Whether a line of an http proxy ({@code http}) or of a tcp proxy has a value. */
    boolean filledIn(boolean http) {
        return lines == Lines.BOTH || (lines == Lines.HTTP) == http;
    }

    String value(HttpLogLine.Fields fields) {
        return value.apply(fields);
    }

    @Override
    public String toString() {
        return "%" + name;
    }

    /**
     * Word {@code index} of the request line; empty past its last word. A line of one word
     * ({@code <BADREQ>}) is every part, as HAProxy writes it.
     */
    private static String requestPart(HttpLogLine.Fields fields, int index) {
        String[] words = fields.requestLine().split(" ", 3);
        if (words.length == 1) {
            return words[0];
        }
        return index < words.length ? words[index] : "";
    }

    /** HAProxy's {@code %trg} and {@code %trl} dates, to the second with the UTC offset. */
    private static final class Dates {
        static final DateTimeFormatter GMT = DateTimeFormatter
                .ofPattern("dd/MMM/yyyy:HH:mm:ss xx", Locale.ROOT).withZone(ZoneOffset.UTC);
        static final DateTimeFormatter LOCAL = DateTimeFormatter
                .ofPattern("dd/MMM/yyyy:HH:mm:ss xx", Locale.ROOT)
                .withZone(ZoneId.systemDefault());
    }
}
