package io.bramble.lb.format;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code %X} tags bramble renders, with HAProxy 2.6's values. The server's tags and the
 * status have a value in {@code http-response} rules only: before a server answered, HAProxy
 * writes them empty ({@code %s} as {@code <NOSRV>}, {@code %ST} as {@code -1}), so bramble
 * refuses them there instead.
 */
enum LogTag {
    // @formatter:off
    CLIENT_IP("ci", null, OutputEscape.NONE, c -> ip(c.client())),
    CLIENT_PORT("cp", null, OutputEscape.NONE, c -> port(c.client())),
    FRONTEND_IP("fi", null, OutputEscape.NONE, c -> ip(c.frontendAddress())),
    FRONTEND_PORT("fp", null, OutputEscape.NONE, c -> port(c.frontendAddress())),
    HOST_NAME("H", null, OutputEscape.NONE, FormatContext::hostName),
    FRONTEND_NAME("f", null, OutputEscape.NONE, FormatContext::frontendName),
    BACKEND_NAME("b", null, OutputEscape.NONE, FormatContext::backendName),
    HTTP_METHOD("HM", null, OutputEscape.NONE, FormatContext::method),
    HTTP_URI("HU", null, OutputEscape.URI, FormatContext::target),
    HTTP_PATH("HP", null, OutputEscape.URI, c -> RequestTarget.withoutQuery(c.target())),
    HTTP_PATH_ONLY("HPO", null, OutputEscape.URI,
            c -> RequestTarget.path(c.target()).orElse("")),
    HTTP_QUERY("HQ", null, OutputEscape.URI, c -> RequestTarget.markedQuery(c.target())),
    HTTP_VERSION("HV", null, OutputEscape.NONE, c -> "HTTP/" + c.httpVersion()),
    SERVER_NAME("s", RuleStage.RESPONSE, OutputEscape.NONE, FormatContext::serverName),
    SERVER_IP("si", RuleStage.RESPONSE, OutputEscape.NONE, c -> ip(c.serverAddress())),
    SERVER_PORT("sp", RuleStage.RESPONSE, OutputEscape.NONE, c -> port(c.serverAddress())),
    BACKEND_SOURCE_IP("bi", RuleStage.RESPONSE, OutputEscape.NONE,
            c -> ip(c.serverSourceAddress())),
    BACKEND_SOURCE_PORT("bp", RuleStage.RESPONSE, OutputEscape.NONE,
            c -> port(c.serverSourceAddress())),
    STATUS("ST", RuleStage.RESPONSE, OutputEscape.NONE, c -> Integer.toString(c.status()));
    // @formatter:on

    /** Every tag of HAProxy 2.6's log-format, to tell a tag bramble lacks from a typo. */
    static final Set<String> HAPROXY_TAGS = Set.of("o", "B", "CC", "CS", "H", "HM", "HP",
            "HPO", "HQ", "HU", "HV", "ID", "ST", "T", "Ta", "Tc", "Td", "Tl", "Th", "Ti", "Tq",
            "TR", "Tr", "Ts", "Tt", "Tu", "Tw", "U", "ac", "b", "bc", "bi", "bp", "bq", "ci",
            "cp", "f", "fc", "fi", "fp", "ft", "lc", "hr", "hrl", "hs", "hsl", "ms", "pid", "r",
            "rc", "rt", "s", "sc", "si", "sp", "sq", "sslc", "sslv", "t", "tr", "trg", "trl",
            "ts", "tsc");

    private static final Map<String, LogTag> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(t -> t.name, t -> t));

    private final String name;
    /** The only stage with a value; null when both have one. */
    private final RuleStage onlyIn;
    private final OutputEscape escape;
    private final Function<FormatContext, String> value;

    LogTag(String name, RuleStage onlyIn, OutputEscape escape,
            Function<FormatContext, String> value) {
        this.name = name;
        this.onlyIn = onlyIn;
        this.escape = escape;
        this.value = value;
    }

    /** The tag written {@code %NAME}, or null when bramble has none of that name. */
    static LogTag named(String name) {
        return BY_NAME.get(name);
    }

    /** The tags bramble renders in {@code stage}, as a message lists them. */
    static String supported(RuleStage stage) {
        return Arrays.stream(values()).filter(t -> t.availableIn(stage))
                .map(t -> "%" + t.name).collect(Collectors.joining(" "));
    }

    boolean availableIn(RuleStage stage) {
        return onlyIn == null || onlyIn == stage;
    }

    void render(FormatContext context, RenderedValue out) {
        escape.append(value.apply(context), out);
    }

    @Override
    public String toString() {
        return "%" + name;
    }

    private static String ip(InetSocketAddress address) {
        return NetUtil.toAddressString(address.getAddress());
    }

    private static String port(InetSocketAddress address) {
        return Integer.toString(address.getPort());
    }
}
