package io.bramble.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import io.bramble.vrrp.config.VrrpConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's files are the recipe's, and bramble's own parsers take them without a word. */
class DemoFilesTest {
    @TempDir
    Path dir;

    @Test
    void theRecipesFilesWithTheDemosAddresses() throws Exception {
        DemoLayout layout = DemoLayout.of("127.0.9", 9080);
        DemoFiles.write(dir, layout);
        assertThat(Files.readString(dir.resolve("web2/index.html"))).isEqualTo(
                "<html><body>web2</body></html>\n");
        assertThat(dir.resolve("web1/lb-check.txt")).exists();

        LbConfig lb = HaproxyConfigParser.forThisProcess().parse(DemoFiles.haproxyCfg(dir, 2));
        assertThat(lb.warnings()).isEmpty();
        assertThat(Files.readString(DemoFiles.haproxyCfg(dir, 2))).contains(
                "bind 127.0.9.102:9880", "listen webfarm 127.0.9.100:9080",
                "server web1 127.0.9.111:9080 check", "server web2 127.0.9.112:9080 check",
                "http-response set-header X-Load-Balancer lb2", "stats auth    pi:raspberry");

        VrrpConfig vrrp = new KeepalivedConfigParser().parse(DemoFiles.keepalivedConf(dir, 1));
        assertThat(vrrp.warnings()).isEmpty();
        assertThat(vrrp.instances()).singleElement().satisfies(instance -> {
            assertThat(instance.priority()).isEqualTo(101);
            assertThat(instance.sourceAddress()).map(a -> a.getHostAddress()).hasValue(
                    "127.0.9.101");
            assertThat(instance.unicastPeers()).extracting(a -> a.getHostAddress())
                    .containsExactly("127.0.9.102");
            assertThat(instance.addresses()).extracting(a -> a.address().getHostAddress())
                    .containsExactly("127.0.9.100");
        });
        assertThat(new KeepalivedConfigParser().parse(DemoFiles.keepalivedConf(dir, 2))
                .instances().get(0).priority()).isEqualTo(100);
    }

    @Test
    void theLayoutRefusesWhatCannotWorkWithoutRoot() {
        assertThat(DemoLayout.of("127.0.2", 8080).statsUrl(1)).isEqualTo(
                "http://127.0.2.101:8880/");
        assertThatThrownBy(() -> DemoLayout.of("10.0.2", 8080)).isInstanceOf(UserError.class)
                .hasMessageContaining("--net '10.0.2'");
        assertThatThrownBy(() -> DemoLayout.of("127.0.256", 8080)).isInstanceOf(
                UserError.class);
        assertThatThrownBy(() -> DemoLayout.of("127.0.2", 80)).isInstanceOf(UserError.class)
                .hasMessageContaining("below 1024 need root");
        assertThatThrownBy(() -> DemoLayout.of("127.0.2", 65_000)).isInstanceOf(
                UserError.class);
    }
}
