package io.bramble.lb.http1;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The request decoder against the cases of {@code http1/requests.txt}, each fed whole and
 * one byte at a time; then the bounds, which are too long to write out there.
 */
class RequestDecoderTest {
    @TestFactory
    Stream<DynamicTest> casesFromTheCatalogue() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
            assertThat(decode(c.input, false)).as("fed whole").isEqualTo(c.expected);
            assertThat(decode(c.input, true)).as("fed byte by byte").isEqualTo(c.expected);
        }));
    }

    @Test
    void aBodyCutShortFailsWhenTheInputEnds() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder(new MethodQueue()));
        channel.writeInbound(Unpooled.copiedBuffer(
                "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc",
                StandardCharsets.ISO_8859_1));
        channel.finish();
        assertThat(render(drain(channel))).containsExactly(
                "request POST / HTTP/1.1 host=t framing=LENGTH 10 body=abc", "error 400");
    }

    @Test
    void requestLinesUpToHaproxysBufferAreRead() {
        String target = "/" + "a".repeat(15_000);
        assertThat(decode(bytes("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n"), false))
                .containsExactly("request GET " + target
                        + " HTTP/1.1 host=t framing=NONE body=");
        assertThat(decode(bytes("GET /" + "a".repeat(16_400) + " HTTP/1.1\r\n\r\n"), false))
                .containsExactly("error 414");
    }

    @Test
    void aHundredHeaderFieldsAreReadAndOneMoreIsRefused() {
        assertThat(decode(bytes(withFields(100)), false)).hasSize(1).first().asString()
                .startsWith("request GET /");
        assertThat(decode(bytes(withFields(101)), false)).containsExactly("error 431");
    }

    @Test
    void chunkExtensionsAreBounded() {
        String head = "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(decode(bytes(head + "5;" + "a".repeat(4_000) + "\r\nabcde\r\n0\r\n\r\n"),
                false)).containsExactly(
                        "request POST / HTTP/1.1 host=t framing=CHUNKED body=abcde");
        assertThat(decode(bytes(head + "5;" + "a".repeat(20_000) + "\r\nabcde\r\n0\r\n\r\n"),
                false)).containsExactly("request POST / HTTP/1.1 host=t framing=CHUNKED body=",
                        "error 400");
    }

    @Test
    void aRefusedTunnelGoesBackToHttp() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder(new MethodQueue()));
        channel.writeInbound(bytesBuf("GET /ws HTTP/1.1\r\nHost: t\r\nConnection: upgrade\r\n"
                + "Upgrade: h2c\r\n\r\nGET /next HTTP/1.1\r\nHost: t\r\n\r\n"));
        assertThat(render(drain(channel))).containsExactly(
                "request GET /ws HTTP/1.1 host=t framing=NONE body=");
        channel.pipeline().get(RequestDecoder.class).resume();
        assertThat(render(drain(channel))).containsExactly(
                "request GET /next HTTP/1.1 host=t framing=NONE body=");
    }

    private static String withFields(int count) {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: t\r\n");
        for (int i = 1; i < count; i++) {
            head.append("X-").append(i).append(": v\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static List<String> decode(byte[] input, boolean byteByByte) {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder(new MethodQueue()));
        if (byteByByte) {
            for (byte b : input) {
                channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{b}));
            }
        } else {
            channel.writeInbound(Unpooled.wrappedBuffer(input));
        }
        List<String> out = render(drain(channel));
        channel.finishAndReleaseAll();
        return out;
    }

    private static List<Object> drain(EmbeddedChannel channel) {
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            messages.add(message);
        }
        return messages;
    }

    /** One line per request, as the catalogue writes them. */
    private static List<String> render(List<Object> messages) {
        List<String> lines = new ArrayList<>();
        StringBuilder open = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object message : messages) {
            if (message instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    lines.add("error " + status(request.decoderResult().cause()));
                    continue;
                }
                FramedRequest framed = (FramedRequest) request;
                BodyFraming framing = framed.framing();
                open = new StringBuilder("request " + request.method() + " " + request.uri()
                        + " " + request.protocolVersion() + " host="
                        + request.headers().get(HttpHeaderNames.HOST) + " framing="
                        + framing.kind()
                        + (framing.kind() == BodyFraming.Kind.LENGTH
                                ? " " + framing.length()
                                : ""));
                body.reset();
            }
            if (message instanceof HttpContent content) {
                byte[] piece = new byte[content.content().readableBytes()];
                content.content().readBytes(piece);
                body.writeBytes(piece);
                if (content instanceof LastHttpContent last) {
                    open.append(" body=").append(escape(body.toByteArray()));
                    for (var trailer : last.trailingHeaders()) {
                        open.append(" trailers=").append(trailer.getKey()).append(": ")
                                .append(trailer.getValue());
                    }
                    lines.add(open.toString());
                    open = null;
                    if (last.decoderResult().isFailure()) {
                        lines.add("error " + status(last.decoderResult().cause()));
                    }
                }
                content.release();
            }
        }
        if (open != null) {
            lines.add(open.append(" body=").append(escape(body.toByteArray())).toString());
            lines.add("incomplete");
        }
        return lines;
    }

    private static int status(Throwable cause) {
        System.err.println("CAUSE " + cause);
        return cause instanceof MalformedHttpException malformed ? malformed.status() : -1;
    }

    private record Case(String name, byte[] input, List<String> expected) {}

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        String name = null;
        byte[] input = null;
        List<String> expected = null;
        try (InputStream in = RequestDecoderTest.class.getResourceAsStream(
                "/http1/requests.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\n")) {
                if (line.startsWith("case ")) {
                    if (name != null) {
                        cases.add(new Case(name, input, expected));
                    }
                    name = line.substring(5);
                    expected = new ArrayList<>();
                } else if (line.startsWith("in ")) {
                    input = unescape(line.substring(3));
                } else if (line.startsWith("out ")) {
                    expected.add(line.substring(4));
                }
            }
        }
        cases.add(new Case(name, input, expected));
        return cases;
    }

    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + next);
            }
        }
        return out.toByteArray();
    }

    private static String escape(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            switch (b) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                default -> text.append((char) (b & 0xff));
            }
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static io.netty.buffer.ByteBuf bytesBuf(String text) {
        return Unpooled.wrappedBuffer(bytes(text));
    }
}
