package io.bramble.lb.proxy;

import io.bramble.common.error.UserError;
import io.bramble.lb.config.ErrorFile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * The responses the load balancer sends by itself (400, 401, 403, 408, 431, 500, 502, 503, 504):
 * a short built-in HTML page, or the proxy's {@code errorfile} for that code, loaded once at
 * start. Bodies are shared read-only buffers, so answering costs no copy.
 */
final class ErrorPages {
    private record Page(HttpResponseStatus status, HttpHeaders headers, ByteBuf body) {}

    private final Map<Integer, Page> pages = new HashMap<>();

    ErrorPages(Map<Integer, ErrorFile> errorFiles) {
        for (ErrorFile file : errorFiles.values()) {
            pages.put(file.status(), load(file));
        }
    }

    /** A fresh response for {@code status}; the caller writes it and Netty releases it. */
    FullHttpResponse response(int status) {
        Page page = pages.get(status);
        if (page == null) {
            page = builtIn(status);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                page.status(), page.body().retainedDuplicate());
        response.headers().set(page.headers());
        return response;
    }

    private static Page builtIn(int code) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(code);
        String explanation = switch (code) {
            case 200 -> "Service ready.";
            case 400 -> "Your browser sent an invalid request.";
            case 401 -> "You need a valid user and password to access this content.";
            case 403 -> "Request forbidden by administrative rules.";
            case 408 -> "Your browser didn't send a complete request in time.";
            case 414 -> "The request line is too long.";
            case 431 -> "The request headers are too large.";
            case 502 -> "The server returned an invalid or incomplete response.";
            case 503 -> "No server is available to handle this request.";
            case 504 -> "The server didn't respond in time.";
            default -> "An internal error occurred.";
        };
        String html = "<html><body><h1>" + code + " " + status.reasonPhrase() + "</h1>\n"
                + explanation + "\n</body></html>\n";
        HttpHeaders headers = new DefaultHttpHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, "text/html");
        headers.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, html.length());
        return new Page(status, headers, shared(html.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Parses an errorfile: status line, headers, blank line, body. */
    private static Page load(ErrorFile file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw UserError.usage(file.location() + ": cannot read errorfile " + file.path()
                    + ": " + e.getMessage());
        }
        if (bytes.length > ErrorFile.FILE_BYTES_MAX) {
            throw UserError.usage(file.location() + ": errorfile " + file.path() + " is "
                    + bytes.length + " bytes, at most " + ErrorFile.FILE_BYTES_MAX);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        int separator = 4;
        if (headEnd < 0) {
            headEnd = text.indexOf("\n\n");
            separator = 2;
        }
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        byte[] body = headEnd < 0
                ? new byte[0]
                : text.substring(headEnd + separator).getBytes(StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw UserError.usage(file.location() + ": errorfile " + file.path()
                    + " must start with an HTTP status line such as 'HTTP/1.1 503 ...'");
        }
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(lines[i].substring(0, colon).strip(),
                        lines[i].substring(colon + 1).strip());
            }
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.remove(HttpHeaderNames.CONNECTION);
        int code = Integer.parseInt(statusLine[1]);
        HttpResponseStatus status = statusLine.length == 3
                ? new HttpResponseStatus(code, statusLine[2])
                : HttpResponseStatus.valueOf(code);
        return new Page(status, headers, shared(body));
    }

    private static ByteBuf shared(byte[] bytes) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes).asReadOnly());
    }
}
