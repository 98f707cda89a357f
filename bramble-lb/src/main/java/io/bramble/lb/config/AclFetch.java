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
    STICK
}
