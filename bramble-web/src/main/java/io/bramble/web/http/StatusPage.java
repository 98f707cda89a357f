package io.bramble.web.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/** The small HTML page sent with a status other than 200, like Apache's default pages. */
final class StatusPage {
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private StatusPage() {
    }

    /** The page for {@code status}; {@code detail} is plain text (escaped here), or null. */
    static byte[] html(HttpResponseStatus status, String detail) {
        String text = detail == null ? explanation(status.code()) : escape(detail);
        String page = "<!DOCTYPE html>\n<html><head><title>" + status.code() + " "
                + status.reasonPhrase() + "</title></head>\n<body><h1>" + status.reasonPhrase()
                + "</h1>\n<p>" + text + "</p></body></html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String explanation(int code) {
        return switch (code) {
            case 400 -> "The server could not understand the request.";
            case 403 -> "This resource is not served.";
            case 404 -> "The requested URL was not found on this server.";
            case 405 -> "This server serves files: only GET and HEAD are allowed.";
            case 414 -> "The request line is longer than this server accepts.";
            case 431 -> "The request headers are larger than this server accepts.";
            default -> "";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
