package io.bramble.lb.config;

import io.bramble.common.net.Cidr;
import java.util.List;

/**
 * {@code option forwardfor [except NETWORK] [header NAME] [if-none]}: the client address is
 * appended to a request header unless the client lies in one of the excepted networks.
 *
 * @param header the header name, {@value #HEADER_DEFAULT} by default
 * @param except clients for which no header is added (e.g. the load balancer itself)
 * @param ifNone add the header only when the request has none already
 */
public record ForwardFor(String header, List<Cidr> except, boolean ifNone) {
    public static final String HEADER_DEFAULT = "X-Forwarded-For";

    public ForwardFor {
        except = List.copyOf(except);
    }

    /** {@code option forwardfor} alone. */
    public static ForwardFor defaults() {
        return new ForwardFor(HEADER_DEFAULT, List.of(), false);
    }
}
