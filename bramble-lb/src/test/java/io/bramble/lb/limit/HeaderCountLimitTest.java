package io.bramble.lb.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import org.junit.jupiter.api.Test;

class HeaderCountLimitTest {
    private static HttpResponse withHeaderLines(int count) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK);
        for (int i = 0; i < count; i++) {
            response.headers().add("X-Line", Integer.toString(i));
        }
        return response;
    }

    @Test
    void theLimitItselfPasses() {
        HttpResponse response = withHeaderLines(HeaderCountLimit.HEADERS_MAX);
        HeaderCountLimit.apply(response);
        assertThat(response.decoderResult().isSuccess()).isTrue();
    }

    @Test
    void oneLineMoreFailsTheMessageAsATooLongHeaderBlock() {
        HttpResponse response = withHeaderLines(HeaderCountLimit.HEADERS_MAX + 1);
        HeaderCountLimit.apply(response);
        assertThat(response.decoderResult().cause())
                .isInstanceOf(TooLongHttpHeaderException.class)
                .hasMessageContaining("101 header lines; at most 100");
    }
}
