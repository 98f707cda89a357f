package io.bramble.lb.acl;

import io.bramble.lb.format.Variables;
import io.bramble.lb.stick.StickCounters;
import java.net.InetAddress;
import java.util.List;

/** What conditions may look at in a request. */
public interface RequestFacts {
    String method();

    /** The path without the query string. */
    String path();

    /** The request target as sent. */
    String uri();

    /** Every value of the header (case-insensitive name), in order; empty when absent. */
    List<String> headerValues(String name);

    /** The client's address. */
    InetAddress source();

    /** True when the client's connection uses TLS ({@code ssl_fc}). */
    default boolean tls() {
        return false;
    }

    /** The variables of the request; null where there are none. */
    default Variables variables() {
        return null;
    }

    /**
     * The bytes the client sent that are not yet taken, for the {@code req.*} fetches; null
     * where they are not inspected (an HTTP request's facts).
     */
    default ClientBytes clientBytes() {
        return null;
    }

    /** The stick counters of the request or connection; null where there are none. */
    default StickCounters stickCounters() {
        return null;
    }
}
