package io.bramble.web.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.web.files.RequestPath.Reason;
import io.bramble.web.files.RequestPath.Refused;
import io.bramble.web.files.RequestPath.Valid;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathTest {
    /** Target, then the segments it names joined by '|', then whether it names a directory. */
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                    "/;'';true",
                    "/index.html;index.html;false",
                    "/a/b/c.txt;a|b|c.txt;false",
                    "/docs/;docs;true",
                    "//a///b;a|b;false",
                    "/a/./b;a|b;false",
                    "/a/b/../c;a|c;false",
                    "/a/%2e%2E/c;c;false",
                    "/a/b/..;a;true",
                    "/a/.;a;true",
                    "/hello%20world.txt;hello world.txt;false",
                    "/%E4%BD%A0%E5%A5%BD.html;你好.html;false",
                    "/lb-check.txt?x=1&y=2;lb-check.txt;false",
                    "/page#top;page;false",
                    "http://web1:8080/a/b;a|b;false",
                    "HTTP://web1;'';true",
                    "/..a/b..;..a|b..;false",
                    "/%2e%2e.txt;...txt;false"})
    void namesTheSegmentsUnderTheRoot(String target, String segments, boolean directory) {
        RequestPath path = valid(target);
        List<String> expected = segments.isEmpty()
                ? List.of()
                : Arrays.asList(segments.split("\\|"));
        assertThat(path.segments()).isEqualTo(expected);
        assertThat(path.endsWithSlash()).isEqualTo(directory);
    }

    @Test
    void rawUtf8BytesInTheRequestLineDecodeLikePercentEncodedOnes() {
        // The HTTP decoder hands each byte of the request line over as one char.
        String raw = new String("/你好.html".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(valid(raw).segments()).containsExactly("你好.html");
    }

    @ParameterizedTest
    @CsvSource({
            "/..,ABOVE_ROOT",
            "/../etc/passwd,ABOVE_ROOT",
            "/%2e%2e/etc/passwd,ABOVE_ROOT",
            "/%2E%2E/etc/passwd,ABOVE_ROOT",
            "/.%2e/etc/passwd,ABOVE_ROOT",
            "/a/../../etc/passwd,ABOVE_ROOT",
            "/a/%2e%2e/%2e%2e/etc,ABOVE_ROOT",
            "http://host/../etc,ABOVE_ROOT",
            "/..%2fetc%2fpasswd,ENCODED_SLASH",
            "/a%2Fb,ENCODED_SLASH",
            "/a%00.txt,NUL_BYTE",
            "/a%zz,BAD_ENCODING",
            "/a%2,BAD_ENCODING",
            "/a%,BAD_ENCODING",
            "/%C0%AE%C0%AE/etc,BAD_ENCODING",
            "/%FF,BAD_ENCODING",
            "index.html,NOT_A_PATH",
            "*,NOT_A_PATH",
            "'',NOT_A_PATH"})
    void refusesWhatCouldLeaveTheRootOrNamesNoFile(String target, Reason reason) {
        assertThat(RequestPath.parse(target)).isEqualTo(new Refused(reason));
    }

    @ParameterizedTest
    @CsvSource({
            "/docs,/docs/",
            "/docs?page=2,/docs/?page=2",
            "/a/../docs,/docs/",
            "/hello%20world,/hello%20world/",
            "/%E4%BD%A0,/%E4%BD%A0/",
            "/a+b(c),/a+b(c)/"})
    void redirectTargetsAreEncodedDirectories(String target, String location) {
        assertThat(valid(target).asDirectory().toTarget()).isEqualTo(location);
    }

    @Test
    void keepsTheQueryForRedirects() {
        assertThat(valid("/a?q=%20x#frag").query()).isEqualTo("q=%20x");
    }

    private static RequestPath valid(String target) {
        RequestPath.Parsed parsed = RequestPath.parse(target);
        assertThat(parsed).isInstanceOf(Valid.class);
        return ((Valid) parsed).path();
    }
}
