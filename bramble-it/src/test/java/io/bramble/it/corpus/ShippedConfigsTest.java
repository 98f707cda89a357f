package io.bramble.it.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.testkit.exec.Programs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The haproxy.cfg and keepalived.conf files Debian installs (the default file and the
 * examples), checked by {@code haproxy -c} / {@code keepalived -t} and by {@code bramble lb
 * -c} / {@code bramble vrrp -c}, read where the packages put them: each refusal names its
 * file and line, and the files listed here as accepted stay accepted. The table and the share
 * accepted are printed (the real tools refuse some files for this machine's sake, as keepalived
 * for an interface it does not have). Skipped where the packages are not installed
 * (.ci/run installs them).
 */
class ShippedConfigsTest {
    /** Files bramble accepts today, by name: a refusal of one of them is a regression. */
    private static final Set<String> HAPROXY_ACCEPTED = Set.of("haproxy.cfg");
    private static final Set<String> KEEPALIVED_ACCEPTED = Set.of("keepalived.conf.vrrp",
            "keepalived.conf.vrrp.localcheck", "keepalived.conf.vrrp.scripts",
            "keepalived.conf.vrrp.sync");

    @Test
    void debiansHaproxyFiles() {
        assumeTrue(Programs.find("haproxy").isPresent(), "haproxy is not installed");
        List<Path> files = new ArrayList<>(ShippedConfigs.in(Path.of(
                "/usr/share/doc/haproxy/examples"), "*.cfg"));
        files.addAll(ShippedConfigs.in(Path.of("/etc/haproxy"), "haproxy.cfg"));
        assumeTrue(!files.isEmpty(), "no haproxy.cfg files installed");
        List<ShippedConfigs.Row> rows = files.stream().map(f -> ShippedConfigs.check(f, List
                .of("haproxy", "-c", "-f"), List.of("lb", "-c", "-f"))).toList();
        System.out.print(ShippedConfigs.report("haproxy -c", rows));
        ShippedConfigs.judge(rows, HAPROXY_ACCEPTED);
    }

    @Test
    void debiansKeepalivedSamples() {
        assumeTrue(Programs.find("keepalived").isPresent(), "keepalived is not installed");
        List<Path> files = ShippedConfigs.in(Path.of("/usr/share/doc/keepalived/samples"),
                "keepalived.conf*");
        assumeTrue(!files.isEmpty(), "no keepalived samples installed");
        List<ShippedConfigs.Row> rows = files.stream().map(f -> ShippedConfigs.check(f, List
                .of("keepalived", "-t", "-f"), List.of("vrrp", "-c", "-f"))).toList();
        System.out.print(ShippedConfigs.report("keepalived -t", rows));
        ShippedConfigs.judge(rows, KEEPALIVED_ACCEPTED);
    }
}
