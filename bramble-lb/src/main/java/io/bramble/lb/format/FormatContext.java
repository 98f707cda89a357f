package io.bramble.lb.format;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a log-format string may look at while it is rendered: the client's connection and
 * request, the proxies serving it, and in {@code http-response} rules the response and its
 * server. The response methods are only called by strings compiled for
 * {@link RuleStage#RESPONSE}; elsewhere they fail.
 */
public interface FormatContext {
    /** The client's address and port ({@code src}, {@code %ci}). */
    InetSocketAddress client();

    /** The local address and port the client connected to ({@code dst}, {@code %fi}). */
    InetSocketAddress frontendAddress();

    /** The client's connection uses TLS ({@code ssl_fc}). */
    boolean clientTls();

    String method();

    /** The request target as the client sent it. */
    String target();

    /** {@code 1.0} or {@code 1.1}. */
    String httpVersion();

    /** Every line of a request header (case-insensitive name) in order; empty when absent. */
    List<String> requestHeaderValues(String name);

    /** This machine's host name ({@code %H}, {@code hostname}). */
    String hostName();

    /** The frontend the client connected to ({@code %f}). */
    String frontendName();

    /** The backend of the request; the frontend's name until one is chosen ({@code %b}). */
    String backendName();

    /** The variables the rules see ({@code var(txn.x)}); none where there are none. */
    default Variables variables() {
        return null;
    }

    /** Every line of a response header (case-insensitive name) in order, as rules left it. */
    default List<String> responseHeaderValues(String name) {
        throw responseOnly();
    }

    /** The response's status code ({@code status}, {@code %ST}). */
    default int status() {
        throw responseOnly();
    }

    /** The server that answered ({@code %s}). */
    default String serverName() {
        throw responseOnly();
    }

    /** The address and port the server answered on ({@code %si}, {@code %sp}). */
    default InetSocketAddress serverAddress() {
        throw responseOnly();
    }

    /** The local address and port of the connection to the server ({@code %bi}). */
    default InetSocketAddress serverSourceAddress() {
        throw responseOnly();
    }

    private static IllegalStateException responseOnly() {
        return new IllegalStateException("only http-response rules see the response");
    }
}
