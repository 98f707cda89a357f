package io.bramble.lb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.HttpCheckConfig;
import io.bramble.lb.config.HttpCheckExpect;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpCheckTest {
    private static CheckResult judge(HttpCheck check, String response) {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return check.judge(bytes, bytes.length, 3);
    }

    @Test
    void sendsTheSeedsRequestAsWritten() {
        HttpCheck check = new HttpCheck(new HttpCheckConfig("HEAD", "/lb-check.txt",
                "HTTP/1.0", Optional.empty()), "127.0.0.1:8081");
        assertThat(new String(check.request(), StandardCharsets.ISO_8859_1))
                .isEqualTo("HEAD /lb-check.txt HTTP/1.0\r\nConnection: close\r\n\r\n");
        HttpCheck http11 = new HttpCheck(new HttpCheckConfig("GET", "/", "HTTP/1.1",
                Optional.empty()), "web1:80");
        assertThat(new String(http11.request(), StandardCharsets.ISO_8859_1))
                .contains("Host: web1:80\r\n");
    }

    @Test
    void withoutExpectTwoAndThreeHundredsPass() {
        HttpCheck check = new HttpCheck(HttpCheckConfig.defaults(), "h");
        assertThat(judge(check, "HTTP/1.0 200 OK\r\n\r\n").status())
                .isEqualTo(CheckStatus.L7OK);
        assertThat(judge(check, "HTTP/1.1 302 Found\r\n\r\n").success()).isTrue();
        CheckResult notFound = judge(check, "HTTP/1.1 404 Not Found\r\n\r\n");
        assertThat(notFound.status()).isEqualTo(CheckStatus.L7STS);
        assertThat(notFound.httpStatus()).isEqualTo(404);
        assertThat(judge(check, "SSH-2.0-OpenSSH\r\n").status()).isEqualTo(CheckStatus.L7RSP);
    }

    @Test
    void expectStatusListsRangesAndNegation() {
        HttpCheck only200 = new HttpCheck(HttpCheckConfig.defaults().withExpect(
                new HttpCheckExpect(false, HttpCheckExpect.Kind.STATUS, "200")), "h");
        assertThat(judge(only200, "HTTP/1.1 301 Moved\r\n\r\n").success()).isFalse();
        assertThat(judge(only200, "HTTP/1.1 200 OK\r\n\r\n").success()).isTrue();
        HttpCheck not5xx = new HttpCheck(HttpCheckConfig.defaults().withExpect(
                new HttpCheckExpect(true, HttpCheckExpect.Kind.STATUS, "500-599")), "h");
        assertThat(judge(not5xx, "HTTP/1.1 404 Nope\r\n\r\n").success()).isTrue();
        assertThat(judge(not5xx, "HTTP/1.1 503 Busy\r\n\r\n").success()).isFalse();
    }

    @Test
    void expectStringLooksAtTheBody() {
        HttpCheck check = new HttpCheck(HttpCheckConfig.defaults().withExpect(
                new HttpCheckExpect(false, HttpCheckExpect.Kind.STRING, "alive")), "h");
        assertThat(check.needsBody()).isTrue();
        assertThat(judge(check, "HTTP/1.1 200 OK\r\n\r\nI am alive").success()).isTrue();
        assertThat(judge(check, "HTTP/1.1 200 OK\r\nX: alive\r\n\r\nno").success()).isFalse();
    }
}
