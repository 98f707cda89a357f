package io.bramble.lb.compress;

import static io.bramble.lb.config.CompressionAlgorithm.DEFLATE;
import static io.bramble.lb.config.CompressionAlgorithm.GZIP;
import static io.bramble.lb.config.CompressionAlgorithm.IDENTITY;
import static io.bramble.lb.config.CompressionAlgorithm.RAW_DEFLATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.CompressionAlgorithm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accept-Encoding read as HAProxy 2.6 reads it to choose an algorithm. */
class EncodingChoiceTest {
    private static Optional<CompressionAlgorithm> choose(List<CompressionAlgorithm> algorithms,
            String... acceptEncoding) {
        return EncodingChoice.choose(algorithms, List.of(acceptEncoding), null)
                .map(EncodingChoice.Choice::algorithm);
    }

    @Test
    void theHighestQValueNamingAConfiguredCodingWins() {
        assertThat(choose(List.of(GZIP, DEFLATE), "deflate, gzip")).contains(DEFLATE);
        assertThat(choose(List.of(GZIP, DEFLATE), "deflate;q=0.5, gzip")).contains(GZIP);
        assertThat(choose(List.of(GZIP, DEFLATE), "br, deflate;q=0.5", "gzip;q=0.501"))
                .contains(GZIP);
        assertThat(choose(List.of(GZIP), "gzip;q=0")).isEmpty();
        assertThat(choose(List.of(GZIP), "br")).isEmpty();
        assertThat(choose(List.of(RAW_DEFLATE), "deflate")).contains(RAW_DEFLATE);
    }

    @Test
    void aStarTakesTheLastConfiguredAlgorithm() {
        assertThat(choose(List.of(DEFLATE, GZIP), "*")).contains(GZIP);
        assertThat(choose(List.of(GZIP, DEFLATE), "*")).contains(DEFLATE);
    }

    @Test
    void identityIsTheFallbackWhenConfigured() {
        assertThat(EncodingChoice.choose(List.of(GZIP, IDENTITY), List.of("br"), null))
                .contains(new EncodingChoice.Choice(IDENTITY, false));
        assertThat(EncodingChoice.choose(List.of(GZIP, IDENTITY), List.of("gzip"), null))
                .contains(new EncodingChoice.Choice(GZIP, true));
    }

    @Test
    void qValuesAreReadAsHaproxyReadsThem() {
        assertThat(EncodingChoice.qValue("")).isEqualTo(1000);
        assertThat(EncodingChoice.qValue(";q=0.5")).isEqualTo(500);
        assertThat(EncodingChoice.qValue(" ; level=1 ; q=0.25")).isEqualTo(250);
        assertThat(EncodingChoice.qValue(";q=x")).isEqualTo(1000);
        assertThat(EncodingChoice.qValue(";q=0.1234")).isEqualTo(123);
        assertThat(EncodingChoice.qValue(";q=2")).isEqualTo(1000);
    }

    @Test
    void oldBrowsersGetNoneButMsieSixSp2AndLater() {
        assertThat(EncodingChoice.choose(List.of(GZIP), List.of("gzip"),
                "Mozilla/4.0 (compatible; MSIE 5.5; Windows 98)")).isEmpty();
        assertThat(EncodingChoice.choose(List.of(GZIP), List.of("gzip"),
                "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 6.0)")).isPresent();
        assertThat(EncodingChoice.choose(List.of(GZIP), List.of("gzip"),
                "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)")).isPresent();
        assertThat(EncodingChoice.choose(List.of(GZIP), List.of("gzip"),
                "Mozilla/5.0 (X11; Linux x86_64)")).isPresent();
    }
}
