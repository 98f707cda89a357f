package io.bramble.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What this machine has installed, compared with what Pacemaker's crm_resource finds. */
class AgentDiscoveryTest {
    private static final Path CRM_RESOURCE = Path.of("/usr/sbin/crm_resource");

    @TempDir
    Path root;
    private AgentCatalog catalog;

    @BeforeEach
    void discover() {
        assumeTrue(Files.isDirectory(Path.of("/usr/lib/ocf/resource.d/heartbeat")),
                "needs Debian's resource-agents package");
        catalog = AgentDiscovery.discover(AgentDirectories.system(
                new OwnAgents(root).install()));
    }

    @Test
    void findsWhatCrmResourceFinds() throws Exception {
        assumeTrue(Files.isExecutable(CRM_RESOURCE), "needs Pacemaker's crm_resource");
        List<String> providers = new ArrayList<>(crm("--list-ocf-providers"));
        providers.add("bramble");
        providers.sort(AgentCatalog.PCS_ORDER);
        assertThat(catalog.providers()).containsExactlyElementsOf(providers);
        List<String> heartbeat = new ArrayList<>(crm("--list-agents", "ocf:heartbeat"));
        heartbeat.sort(AgentCatalog.PCS_ORDER);
        assertThat(catalog.agents(Optional.of("ocf:heartbeat")))
                .containsExactlyElementsOf(heartbeat);
        assertThat(catalog.standards()).containsAll(crm("--list-standards").stream()
                .filter(s -> !s.equals("stonith")).toList()).doesNotContain("stonith");
    }

    @Test
    void resolvesShortNamesAsPcs() {
        assertThat(catalog.resolve("IPaddr2").name().fullName())
                .isEqualTo("ocf:heartbeat:IPaddr2");
        assertThat(catalog.resolve("vip-loopback").name().fullName())
                .isEqualTo("ocf:bramble:vip-loopback");
        assumeTrue(Files.isDirectory(Path.of("/usr/lib/ocf/resource.d/pacemaker")),
                "needs Pacemaker's own ocf agents");
        assertThatThrownBy(() -> catalog.resolve("Dummy")).hasMessage("Multiple agents match "
                + "'Dummy', please specify full name: 'ocf:heartbeat:Dummy' or "
                + "'ocf:pacemaker:Dummy'");
    }

    private static List<String> crm(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CRM_RESOURCE.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
