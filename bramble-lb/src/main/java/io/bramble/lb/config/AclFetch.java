package io.bramble.lb.config;

/**
 * What an ACL looks at. {@link #HDR} takes the header name as its argument
 * ({@code hdr(host)}), {@link #HTTP_AUTH} and {@link #HTTP_AUTH_GROUP} a userlist's name; the
 * others take none.
 */
public enum AclFetch {
    /** Always matches: the predefined {@code TRUE}. */
    ALWAYS_TRUE,
    /** Never matches: the predefined {@code FALSE}. */
    ALWAYS_FALSE,
    /** The request path, without the query string. */
    PATH,
    /** The whole request target as sent. */
    URL,
    /** The values of one request header; comma-separated values are matched one by one. */
    HDR,
    /** The request method. */
    METHOD,
    /** The client's address. */
    SRC,
    /** The client's connection uses TLS: a boolean, it takes no pattern. */
    SSL_FC,
    /** The request's basic credentials are a user's of the userlist: a boolean. */
    HTTP_AUTH,
    /** The user the credentials name, matched against group names of the userlist. */
    HTTP_AUTH_GROUP,
    /** A variable ({@code var(SCOPE.NAME)}), named by the argument; needs {@code -m}. */
    VAR,
    /** A stick table datum or entry count, an integer: {@link AclConfig#stickFetch()}. */
    STICK,
    /** {@code req.len}: how many bytes the client sent that are not yet taken, an integer. */
    REQ_LEN,
    /** {@code req.ssl_hello_type}: the type of the client's first TLS handshake message. */
    REQ_SSL_HELLO_TYPE,
    /** {@code req.ssl_sni}: the server name of the client's raw TLS ClientHello. */
    REQ_SSL_SNI,
    /** {@code req.ssl_alpn}: each ALPN protocol of the client's raw TLS ClientHello. */
    REQ_SSL_ALPN;

    /** Whether it reads the bytes a client sent, which tcp-request content rules wait for. */
    public boolean readsClientBytes() {
        return this == REQ_LEN || this == REQ_SSL_HELLO_TYPE || this == REQ_SSL_SNI
                || this == REQ_SSL_ALPN;
    }

    /** Whether its value is an integer, matched against integer ranges by default. */
    public boolean integer() {
        return this == REQ_LEN || this == REQ_SSL_HELLO_TYPE;
    }
}
