package io.bramble.lvs.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample of Debian's keepalived package that has virtual servers, read as
 * {@code bramble vrrp -c} reads it: those using only what docs/lvs.md supports load; the
 * others fail only on the keywords docs/lvs.md lists as not supported.
 */
class DebianSamplesTest {
    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    /** Per sample, the keywords its errors may name (none: it loads). */
    private static final Map<String, List<String>> REFUSED = Map.ofEntries(
            Map.entry("keepalived.conf.sample", List.of()),
            Map.entry("keepalived.conf.HTTP_GET.port", List.of()),
            // Its VRRP part uses AH authentication, which docs/vrrp.md lists as not supported.
            Map.entry("keepalived.conf.SSL_GET", List.of("auth_type")),
            Map.entry("keepalived.conf.status_code", List.of()),
            Map.entry("keepalived.conf.virtualhost", List.of()),
            Map.entry("keepalived.conf.inhibit", List.of()),
            Map.entry("keepalived.conf.misc_check", List.of()),
            Map.entry("keepalived.conf.misc_check_arg", List.of()),
            Map.entry("keepalived.conf.quorum", List.of()),
            Map.entry("keepalived.conf.IPv6", List.of("SMTP_CHECK")),
            Map.entry("keepalived.conf.SMTP_CHECK", List.of("SMTP_CHECK")),
            Map.entry("keepalived.conf.PING_CHECK", List.of("PING_CHECK")),
            Map.entry("keepalived.conf.UDP_CHECK", List.of("UDP_CHECK")),
            Map.entry("keepalived.conf.fwmark", List.of("virtual_server")),
            Map.entry("keepalived.conf.virtual_server_group", List.of("fwmark")),
            // Its sync group lists instances without the 'group { }' block keepalived needs.
            Map.entry("keepalived.conf.vrrp.lvs_syncd", List.of("lvs_sync_daemon_interface",
                    "vrrp_sync_group", "VI_2", "VI_3")));

    @TestFactory
    Stream<DynamicTest> eachSampleLoadsOrFailsOnlyOnWhatIsNotSupported() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), "needs " + SAMPLES
                + " (apt-get install keepalived)");
        List<Path> withVirtualServers;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            withVirtualServers = files.filter(DebianSamplesTest::hasVirtualServer).sorted()
                    .toList();
        }
        assertThat(withVirtualServers.stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(REFUSED.keySet());
        return withVirtualServers.stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> check(file)));
    }

    private static void check(Path file) {
        List<String> refused = REFUSED.get(file.getFileName().toString());
        try {
            KeepalivedFile read = KeepalivedFile.read(new KeepalivedConfigParser(), file);
            assertThat(refused).as("errors expected on " + refused).isEmpty();
            assertThat(read.lvs().virtualServers()).isNotEmpty()
                    .allSatisfy(server -> assertThat(server.realServers()).isNotEmpty());
        } catch (ConfigException e) {
            assertThat(new TreeSet<>(e.errors().stream().map(Diagnostic::keyword).toList()))
                    .as(e.getMessage()).containsExactlyInAnyOrderElementsOf(refused);
        }
    }

    private static boolean hasVirtualServer(Path file) {
        try {
            return Files.isRegularFile(file) && !file.toString().endsWith(".gz")
                    && Files.readString(file).lines().anyMatch(
                            line -> line.strip().startsWith("virtual_server"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
