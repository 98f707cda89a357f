package io.bramble.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {
    @ParameterizedTest
    @CsvSource({"127.0.0.1:8080,127.0.0.1,8080", "*:80,'',80", ":80,'',80",
            "[::1]:443,::1,443", "web1.local:80,web1.local,80", "0.0.0.0:65535,0.0.0.0,65535"})
    void parsesWhatUsersWrite(String text, String host, int port) {
        assertThat(HostPort.parse(text)).isEqualTo(new HostPort(host, port));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "80", "host:", "host:0", "host:65536", "host:8o", "::1:80",
                    "[::1]80", "host:123456"})
    void rejectsWhatIsNotHostAndPort(String text) {
        assertThat(HostPort.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> HostPort.parse(text)).hasMessageContaining("ADDRESS:PORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*:80", "0.0.0.0:80", "[::]:80"})
    void knowsTheAnyAddress(String text) {
        assertThat(HostPort.parse(text).isAnyAddress()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"*:80,*:80", "[::1]:443,[::1]:443", "10.0.0.1:1,10.0.0.1:1"})
    void printsAsParsed(String text, String shown) {
        assertThat(HostPort.parse(text).toString()).isEqualTo(shown);
    }
}
