package io.bramble.web.http;

import io.netty.util.AsciiString;

/**
 * Response header names spelled as Apache spells them. HTTP/1.1 names are case-insensitive,
 * but people read {@code curl -v} output and scripts grep it; the stand-in for Apache should
 * look like Apache. (Netty's own constants are lower case, as HTTP/2 requires.)
 */
final class HeaderNames {
    static final AsciiString ALLOW = AsciiString.cached("Allow");
    static final AsciiString CONNECTION = AsciiString.cached("Connection");
    static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    static final AsciiString DATE = AsciiString.cached("Date");
    static final AsciiString LAST_MODIFIED = AsciiString.cached("Last-Modified");
    static final AsciiString LOCATION = AsciiString.cached("Location");
    static final AsciiString SERVER = AsciiString.cached("Server");

    private HeaderNames() {
    }
}
