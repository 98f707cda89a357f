package io.bramble.lb.format;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request (and optionally its response) with every fact fixed, for rendering tests. The
 * defaults are those of the requests sent to HAProxy 2.6.12 for the expected values.
 */
final class FixedContext implements FormatContext {
    InetSocketAddress client = address("127.0.0.1", 58396);
    InetSocketAddress frontend = address("127.0.0.1", 27810);
    boolean tls;
    String method = "GET";
    String target = "/";
    String version = "1.1";
    final List<String[]> requestHeaders = new ArrayList<>();
    final List<String[]> responseHeaders = new ArrayList<>();
    int status = 200;
    boolean responded;

    static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    FixedContext target(String value) {
        this.target = value;
        return this;
    }

    FixedContext header(String name, String value) {
        requestHeaders.add(new String[]{name, value});
        return this;
    }

    FixedContext responseHeader(String name, String value) {
        responded = true;
        responseHeaders.add(new String[]{name, value});
        return this;
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public InetSocketAddress frontendAddress() {
        return frontend;
    }

    @Override
    public boolean clientTls() {
        return tls;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public String httpVersion() {
        return version;
    }

    @Override
    public List<String> requestHeaderValues(String name) {
        return values(requestHeaders, name);
    }

    @Override
    public String hostName() {
        return "vm";
    }

    @Override
    public String frontendName() {
        return "fe";
    }

    @Override
    public String backendName() {
        return responded ? "be" : "fe";
    }

    @Override
    public List<String> responseHeaderValues(String name) {
        check();
        return values(responseHeaders, name);
    }

    @Override
    public int status() {
        check();
        return status;
    }

    @Override
    public String serverName() {
        check();
        return "s1";
    }

    @Override
    public InetSocketAddress serverAddress() {
        check();
        return address("127.0.0.1", 27801);
    }

    @Override
    public InetSocketAddress serverSourceAddress() {
        check();
        return address("127.0.0.1", 38122);
    }

    private void check() {
        if (!responded) {
            throw new IllegalStateException("a request-stage string read the response");
        }
    }

    private static List<String> values(List<String[]> headers, String name) {
        return headers.stream().filter(h -> h[0].toLowerCase(Locale.ROOT).equals(name
                .toLowerCase(Locale.ROOT))).map(h -> h[1]).toList();
    }
}
