package io.bramble.vrrp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The sample users start from (Debian's keepalived package installs it): its VRRP part reads,
 * and the only errors are its LVS virtual servers, which bramble leaves to 'bramble lb'.
 */
class DebianSampleTest {
    private static final Path SAMPLE = Path.of("/etc/keepalived/keepalived.conf.sample");

    @Test
    void onlyTheVirtualServersAreRefused() {
        Assumptions.assumeTrue(Files.isReadable(SAMPLE), "needs " + SAMPLE
                + " (apt-get install keepalived)");
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> new KeepalivedConfigParser().parse(SAMPLE));
        assertThat(error).isNotNull();
        assertThat(error.errors()).isNotEmpty().allSatisfy(diagnostic -> assertThat(
                diagnostic.keyword()).isEqualTo("virtual_server"));
        assertThat(error.diagnostics().stream().filter(d -> !d.isError())
                .map(Diagnostic::keyword)).contains("notification_email", "smtp_server",
                        "vrrp_strict");
    }
}
