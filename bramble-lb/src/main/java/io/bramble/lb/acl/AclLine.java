package io.bramble.lb.acl;

import io.bramble.common.net.Cidr;
import io.bramble.lb.config.AclConfig;
import io.bramble.lb.config.AclMatch;
import io.bramble.lb.config.IntegerRanges;
import io.bramble.lb.config.Userlist;
import io.bramble.lb.format.SampleValue;
import io.bramble.lb.format.VariableName;
import io.bramble.lb.format.Variables;
import io.bramble.lb.stick.StickFetches;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One compiled {@code acl} line: a fetch and its patterns. */
final class AclLine {
    private final AclConfig config;
    private final PatternMatcher matcher;
    private final List<Cidr> networks;
    /** The integer ranges of a stick table ACL; null for the others. */
    private final IntegerRanges ranges;

    AclLine(AclConfig config) {
        this.config = config;
        this.matcher = new PatternMatcher(config.match(), config.ignoreCase(),
                config.patterns());
        this.networks = config.match() == AclMatch.IP
                ? config.patterns().stream().map(Cidr::parse).toList()
                : List.of();
        this.ranges = config.match() == AclMatch.INTEGER
                ? IntegerRanges.parse(config.patterns())
                : null;
    }

    boolean test(RequestFacts request) {
        return switch (config.fetch()) {
            case ALWAYS_TRUE -> true;
            case ALWAYS_FALSE -> false;
            case PATH -> matcher.matches(request.path());
            case URL -> matcher.matches(request.uri());
            case METHOD -> matcher.matches(request.method());
            case HDR -> anyHeaderValue(request);
            case SRC -> inNetworks(request.source());
            case SSL_FC -> request.tls();
            case HTTP_AUTH -> authenticated(request).isPresent();
            case HTTP_AUTH_GROUP -> authenticated(request).filter(user -> user.groups().stream()
                    .anyMatch(config.patterns()::contains)).isPresent();
            case VAR -> variable(request);
            case STICK -> {
                OptionalLong value = StickFetches.read(config.stickFetch().orElseThrow(),
                        request.stickCounters(), request.source());
                yield value.isPresent() && ranges.matches(value.getAsLong());
            }
            case REQ_LEN, REQ_SSL_HELLO_TYPE, REQ_SSL_SNI, REQ_SSL_ALPN -> clientBytes(request);
        };
    }

    /** A fetch of the client's raw bytes: any of its values matching. */
    private boolean clientBytes(RequestFacts request) {
        ClientBytes bytes = request.clientBytes();
        if (bytes == null) {
            return false;
        }
        List<String> values = switch (config.fetch()) {
            case REQ_LEN -> bytes.length();
            case REQ_SSL_HELLO_TYPE -> bytes.read(TlsClientHello::helloType);
            case REQ_SSL_SNI -> bytes.read(TlsClientHello::serverName);
            default -> bytes.read(TlsClientHello::alpn);
        };
        if (config.match() == AclMatch.FOUND) {
            return !values.isEmpty();
        }
        for (String value : values) {
            if (config.match() == AclMatch.INTEGER
                    ? ranges.matches(Long.parseLong(value))
                    : matcher.matches(value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code var(NAME)}: found, compared as an integer, or as the value's text. */
    private boolean variable(RequestFacts request) {
        Variables variables = request.variables();
        SampleValue value = variables == null
                ? null
                : variables.get(VariableName.parse(config.fetchArgument().orElseThrow()));
        if (value == null || config.match() == AclMatch.FOUND) {
            return value != null;
        }
        if (config.match() == AclMatch.INTEGER) {
            try {
                return ranges.matches(Long.parseLong(value.text().trim()));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return matcher.matches(value.text());
    }

    /** The userlist's user the request's basic credentials prove, if any. */
    private Optional<Userlist.User> authenticated(RequestFacts request) {
        return config.userlist().flatMap(list -> BasicCredentials.user(list,
                request.headerValues("authorization")));
    }

    /**
     * Like HAProxy's {@code hdr()}: each comma-separated value ({@link HeaderListValues}) is
     * tried on its own.
     */
    private boolean anyHeaderValue(RequestFacts request) {
        for (String line : request.headerValues(config.fetchArgument().orElse(""))) {
            if (config.match() == AclMatch.FOUND) {
                return true;
            }
            for (String value : HeaderListValues.of(line)) {
                if (matcher.matches(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean inNetworks(InetAddress source) {
        if (config.match() == AclMatch.FOUND) {
            return source != null;
        }
        if (config.match() != AclMatch.IP) {
            return source != null && matcher.matches(NetUtil.toAddressString(source));
        }
        for (Cidr network : networks) {
            if (source != null && network.contains(source)) {
                return true;
            }
        }
        return false;
    }
}
