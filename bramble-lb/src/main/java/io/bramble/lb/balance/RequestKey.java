package io.bramble.lb.balance;

/**
 * What hashing algorithms need from a request. Implementations compute lazily: most
 * algorithms never ask.
 */
public interface RequestKey {
    /** The client's address bytes (4 or 16), for {@code balance source}. */
    byte[] clientAddress();

    /** The request target as sent (path and query), for {@code balance uri}. */
    String uri();

    /** A key for tests and TCP mode: only a client address. */
    static RequestKey ofClient(byte[] address) {
        byte[] copy = address.clone();
        return new RequestKey() {
            @Override
            public byte[] clientAddress() {
                return copy;
            }

            @Override
            public String uri() {
                return "/";
            }
        };
    }

    /** A key for tests: a client and a URI. */
    static RequestKey of(byte[] address, String uri) {
        byte[] copy = address.clone();
        return new RequestKey() {
            @Override
            public byte[] clientAddress() {
                return copy;
            }

            @Override
            public String uri() {
                return uri;
            }
        };
    }
}
