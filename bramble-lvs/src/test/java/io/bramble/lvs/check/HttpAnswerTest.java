package io.bramble.lvs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lvs.config.StatusRange;
import io.bramble.lvs.config.UrlCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {
    private static HttpAnswer parse(String text) {
        return HttpAnswer.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theDigestIsTheMd5OfTheBodyAsGenhashPrintsIt() {
        // The digest genhash prints is md5sum's of the body.
        HttpAnswer answer = parse("HTTP/1.0 200 OK\r\nContent-Length: 21\r\n\r\n"
                + "This is real server1\n");
        assertThat(answer.md5()).isEqualTo(md5sum("This is real server1\n"));
        UrlCheck url = new UrlCheck("/", Optional.of(md5sum("This is real server1\n")),
                List.of(StatusRange.SUCCESS), Optional.empty());
        assertThat(answer.refusal(url)).isNull();
        assertThat(parse("HTTP/1.0 200 OK\r\n\r\nThis is real server2\n").refusal(url))
                .startsWith("digest ");
    }

    @Test
    void chunkedBodiesAreJoinedBeforeTheDigest() {
        HttpAnswer answer = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nThis \r\n10\r\nis real server1\n\r\n0\r\n\r\n");
        assertThat(new String(answer.body(), StandardCharsets.ISO_8859_1))
                .isEqualTo("This is real server1\n");
    }

    @Test
    void statusCodesAreRangesAndTheDefaultIs2xx() {
        UrlCheck plain = new UrlCheck("/", Optional.empty(), List.of(StatusRange.SUCCESS),
                Optional.empty());
        assertThat(parse("HTTP/1.0 204 No Content\r\n\r\n").refusal(plain)).isNull();
        assertThat(parse("HTTP/1.0 301 Moved\r\n\r\n").refusal(plain)).isEqualTo("status 301");
        UrlCheck listed = new UrlCheck("/", Optional.empty(), List.of(new StatusRange(400, 499),
                new StatusRange(503, 503)), Optional.empty());
        assertThat(parse("HTTP/1.0 503 Busy\r\n\r\n").refusal(listed)).isNull();
        assertThat(parse("SSH-2.0-OpenSSH\r\n\r\n").refusal(listed))
                .isEqualTo("not an HTTP answer");
    }

    @Test
    void aDynamicMiscCheckTurnsItsExitStatusIntoAWeight() {
        assertThat(MiscProbe.judge(0, "", true)).isEqualTo(Probe.Result.pass());
        assertThat(MiscProbe.judge(1, "", true).passed()).isFalse();
        assertThat(MiscProbe.judge(12, "", true)).isEqualTo(new Probe.Result(true, 10, ""));
        assertThat(MiscProbe.judge(12, "", false).passed()).isFalse();
        assertThat(MiscProbe.judge(-1, "timed out after 5000 ms", true).passed()).isFalse();
    }

    private static String md5sum(String text) {
        try {
            Process process = new ProcessBuilder("md5sum").start();
            process.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            process.getOutputStream().close();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split(" ")[0];
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
