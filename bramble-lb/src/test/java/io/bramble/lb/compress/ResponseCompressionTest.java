package io.bramble.lb.compress;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.CompressionAlgorithm;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which responses HAProxy 2.6 compresses, and the head it then sends. */
class ResponseCompressionTest {
    private static final ResponseCompression.Exchange OK = new ResponseCompression.Exchange(200,
            true, true, false);

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static boolean applies(ResponseCompression.Exchange exchange, HttpHeaders headers) {
        return ResponseCompression.applies(exchange, headers, List.of("text/", "application/json"));
    }

    @Test
    void onlyA200To203Http11AnswerToAnythingButHead() {
        HttpHeaders text = headers("Content-Type", "text/html", "Content-Length", "10");
        assertThat(applies(OK, text)).isTrue();
        for (int status : new int[]{201, 203}) {
            assertThat(applies(new ResponseCompression.Exchange(status, true, true, false),
                    text)).isTrue();
        }
        for (int status : new int[]{204, 206, 304, 404}) {
            assertThat(applies(new ResponseCompression.Exchange(status, true, true, false),
                    text)).as("%d", status).isFalse();
        }
        assertThat(applies(new ResponseCompression.Exchange(200, false, true, false), text))
                .isFalse();
        assertThat(applies(new ResponseCompression.Exchange(200, true, false, false), text))
                .isFalse();
        assertThat(applies(new ResponseCompression.Exchange(200, true, true, true), text))
                .isFalse();
    }

    @Test
    void theBodyMustHaveAKnownLengthAndNoCoding() {
        assertThat(applies(OK, headers("Content-Type", "text/html"))).as("read until close")
                .isFalse();
        assertThat(applies(OK, headers("Content-Type", "text/html", "Content-Length", "0")))
                .isFalse();
        assertThat(applies(OK, headers("Content-Type", "text/html", "Transfer-Encoding",
                "chunked"))).isTrue();
        assertThat(applies(OK, headers("Content-Type", "text/html", "Content-Length", "5",
                "Content-Encoding", "br"))).isFalse();
        assertThat(applies(OK, headers("Content-Type", "text/html", "Content-Length", "5",
                "Cache-Control", "public, no-transform"))).isFalse();
    }

    @Test
    void typesArePrefixesAndMultipartNever() {
        assertThat(applies(OK, headers("Content-Type", "TEXT/plain; charset=utf-8",
                "Content-Length", "5"))).isTrue();
        assertThat(applies(OK, headers("Content-Type", "image/png", "Content-Length", "5")))
                .isFalse();
        assertThat(applies(OK, headers("Content-Length", "5"))).as("no type, types configured")
                .isFalse();
        assertThat(ResponseCompression.applies(OK, headers("Content-Length", "5"), List.of()))
                .isTrue();
        assertThat(ResponseCompression.applies(OK, headers("Content-Type", "multipart/mixed",
                "Content-Length", "5"), List.of())).isFalse();
    }

    @Test
    void etagsMustBeOneAndWellFormed() {
        assertThat(applies(OK, headers("Content-Type", "text/a", "Content-Length", "5", "ETag",
                "\"x\""))).isTrue();
        assertThat(applies(OK, headers("Content-Type", "text/a", "Content-Length", "5", "ETag",
                "W/\"x\""))).isTrue();
        assertThat(applies(OK, headers("Content-Type", "text/a", "Content-Length", "5", "ETag",
                "x"))).isFalse();
        assertThat(applies(OK, headers("Content-Type", "text/a", "Content-Length", "5", "ETag",
                "\"x\"", "ETag", "\"y\""))).isFalse();
    }

    @Test
    void theHeadBecomesChunkedWeakVaryingAndCoded() {
        HttpHeaders headers = headers("Content-Type", "text/a", "Content-Length", "5", "ETag",
                "\"x\"", "Vary", "Origin");
        ResponseCompression.rewrite(headers, CompressionAlgorithm.RAW_DEFLATE);
        assertThat(headers.get("Content-Length")).isNull();
        assertThat(headers.get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(headers.get("ETag")).isEqualTo("W/\"x\"");
        assertThat(headers.getAll("Vary")).containsExactly("Origin, Accept-Encoding");
        assertThat(headers.get("Content-Encoding")).isEqualTo("deflate");
        HttpHeaders identity = headers("Content-Type", "text/a", "Transfer-Encoding", "chunked",
                "Vary", "accept-encoding");
        ResponseCompression.rewrite(identity, CompressionAlgorithm.IDENTITY);
        assertThat(identity.getAll("Vary")).containsExactly("accept-encoding");
        assertThat(identity.getAll("Transfer-Encoding")).containsExactly("chunked");
        assertThat(identity.contains("Content-Encoding")).isFalse();
    }
}
