package io.bramble.lb.format;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample fetches bramble evaluates in {@code %[...]}, with HAProxy 2.6's types and
 * values. The header fetches take {@code (NAME[,OCCURRENCE])}; {@code hdr} is
 * {@code req.hdr} in request rules and {@code res.hdr} in response rules, as in HAProxy.
 */
enum SampleFetch {
    // @formatter:off
    SRC("src", null, c -> new SampleValue.Address(c.client().getAddress())),
    SRC_PORT("src_port", null, c -> new SampleValue.SignedInteger(c.client().getPort())),
    DST("dst", null, c -> new SampleValue.Address(c.frontendAddress().getAddress())),
    DST_PORT("dst_port", null,
            c -> new SampleValue.SignedInteger(c.frontendAddress().getPort())),
    SSL_FC("ssl_fc", null, c -> new SampleValue.Bool(c.clientTls())),
    HOSTNAME("hostname", null, c -> new SampleValue.Text(c.hostName())),
    METHOD("method", null, c -> new SampleValue.Text(c.method())),
    PATH("path", RuleStage.REQUEST,
            c -> RequestTarget.path(c.target()).map(SampleValue.Text::new).orElse(null)),
    BASE("base", RuleStage.REQUEST, SampleFetch::base),
    URL("url", RuleStage.REQUEST, c -> new SampleValue.Text(c.target())),
    QUERY("query", RuleStage.REQUEST,
            c -> RequestTarget.query(c.target()).map(SampleValue.Text::new).orElse(null)),
    REQ_VER("req.ver", RuleStage.REQUEST, c -> new SampleValue.Text(c.httpVersion())),
    STATUS("status", RuleStage.RESPONSE, c -> new SampleValue.SignedInteger(c.status())),
    /** {@code var(SCOPE.NAME)}: a variable's value, typed as it was set. */
    VAR("var", null, null),
    /** {@code str(TEXT)}: the text as written. */
    STR("str", null, null),
    /** {@code int(N)}: the integer as written. */
    INT("int", null, null),
    REQ_HDR("req.hdr", RuleStage.REQUEST, null),
    RES_HDR("res.hdr", RuleStage.RESPONSE, null),
    /** Resolved to {@link #REQ_HDR} or {@link #RES_HDR} by the stage; never evaluated. */
    HDR("hdr", null, null);
    // @formatter:on

    private static final Map<String, SampleFetch> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(f -> f.name, f -> f));

    private final String name;
    /** The only stage with a value; null when both have one. */
    private final RuleStage onlyIn;
    /** The value of a fetch without arguments; null for the header fetches. */
    private final Function<FormatContext, SampleValue> value;

    SampleFetch(String name, RuleStage onlyIn, Function<FormatContext, SampleValue> value) {
        this.name = name;
        this.onlyIn = onlyIn;
        this.value = value;
    }

    /** The fetch of that name, or null when bramble has none. */
    static SampleFetch named(String name) {
        return BY_NAME.get(name);
    }

    /** The fetches bramble evaluates in {@code stage}, as a message lists them. */
    static String supported(RuleStage stage) {
        return Arrays.stream(values()).filter(f -> f.availableIn(stage))
                .map(f -> f.readsHeader()
                        ? f.name + "(NAME[,OCCURRENCE])"
                        : f.takesArgument() ? f.name + "(" + f.argumentName() + ")" : f.name)
                .collect(Collectors.joining(", "));
    }

    boolean availableIn(RuleStage stage) {
        return onlyIn == null || onlyIn == stage;
    }

    /** It takes a header name and an occurrence. */
    boolean readsHeader() {
        return value == null && !takesArgument();
    }

    /** It takes one argument of its own: a variable name, a text or an integer. */
    boolean takesArgument() {
        return this == VAR || this == STR || this == INT;
    }

    private String argumentName() {
        return this == VAR ? "SCOPE.NAME" : this == STR ? "TEXT" : "N";
    }

    /** {@code hdr} as the stage reads it; any other fetch as it is. */
    SampleFetch in(RuleStage stage) {
        return this != HDR ? this : stage == RuleStage.REQUEST ? REQ_HDR : RES_HDR;
    }

    /**
     * The value in {@code context}, or null when there is none (an absent header, a target
     * without a query).
     */
    SampleValue fetch(FormatContext context, String header, long occurrence) {
        if (value != null) {
            return value.apply(context);
        }
        switch (this) {
            case VAR -> {
                Variables variables = context.variables();
                return variables == null ? null : variables.get(VariableName.parse(header));
            }
            case STR -> {
                return new SampleValue.Text(header);
            }
            case INT -> {
                return new SampleValue.SignedInteger(Long.parseLong(header));
            }
            default -> {
            }
        }
        List<String> lines = switch (this) {
            case REQ_HDR -> context.requestHeaderValues(header);
            case RES_HDR -> context.responseHeaderValues(header);
            default -> throw new IllegalStateException(name + " is resolved before use");
        };
        String element = HeaderElements.pick(lines, occurrence);
        return element == null ? null : new SampleValue.Text(element);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The first Host line followed by the path; as HAProxy, either may be missing. */
    private static SampleValue base(FormatContext context) {
        List<String> hosts = context.requestHeaderValues("host");
        String host = hosts.isEmpty() ? "" : hosts.get(0);
        String path = RequestTarget.path(context.target()).orElse("");
        return host.isEmpty() && path.isEmpty() ? null : new SampleValue.Text(host + path);
    }
}
