package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.ForwardFor;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ForwardedForTest {
    @Test
    void anIpv6ClientIsWrittenAsHaproxyWritesIt() throws Exception {
        HttpHeaders headers = new DefaultHttpHeaders();
        ForwardedFor.apply(ForwardFor.defaults(), headers, InetAddress.getByName("::1"));
        ForwardedFor.apply(ForwardFor.defaults(), headers, InetAddress.getByName(
                "2001:db8:0:0:0:0:0:7"));
        ForwardedFor.apply(ForwardFor.defaults(), headers, InetAddress.getByName("192.168.2.10"));
        assertThat(headers.getAll("X-Forwarded-For")).containsExactly("::1", "2001:db8::7",
                "192.168.2.10");
    }
}
