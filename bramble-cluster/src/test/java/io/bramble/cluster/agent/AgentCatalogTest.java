package io.bramble.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentCatalogTest {
    private final AgentCatalog catalog = new AgentCatalog(List.of(
            AgentName.ocf("heartbeat", "Dummy"), AgentName.ocf("pacemaker", "Dummy"),
            AgentName.ocf("heartbeat", "IPaddr2"), AgentName.ocf("heartbeat", "nginx"),
            AgentName.ocf("heartbeat", "apache"), AgentName.of("lsb", "nginx"),
            AgentName.of("service", "nginx"), AgentName.of("stonith", "fence_xvm"),
            AgentName.of("stonith", "fence_legacy"), AgentName.ocf("bramble", "web")));

    @Test
    void listsAsPcs() {
        assertThat(catalog.standards()).containsExactly("lsb", "ocf", "service");
        assertThat(catalog.providers()).containsExactly("bramble", "heartbeat", "pacemaker");
        assertThat(catalog.agents(Optional.of("ocf:heartbeat")))
                .containsExactly("apache", "Dummy", "IPaddr2", "nginx");
        assertThat(catalog.agents(Optional.of("stonith"))).isEmpty();
        assertThat(catalog.fenceAgents()).containsExactly(AgentName.of("stonith", "fence_xvm"));
        assertThat(catalog.agents(Optional.empty())).containsExactly("apache", "Dummy",
                "Dummy", "IPaddr2", "nginx", "nginx", "nginx", "web");
    }

    @Test
    void listsAgentsWithTheirDescriptionAsPcsResourceList() {
        assertThat(AgentListing.lines(catalog, Optional.of("NGINX"), true,
                a -> a.standard().equals("ocf")
                        ? Optional.of("Manages an Nginx web/proxy\n"
                                + "server instance")
                        : Optional.empty()))
                .containsExactly(
                        "lsb:nginx", "ocf:heartbeat:nginx - Manages an Nginx web/proxy server "
                                + "instance",
                        "service:nginx");
        assertThat(AgentListing.lines(catalog, Optional.empty(), false, a -> Optional.empty()))
                .hasSize(8).doesNotContain("stonith:fence_xvm");
        assertThatThrownBy(() -> AgentListing.lines(catalog, Optional.of("zzz"), true,
                a -> Optional.empty())).hasMessage("No resource agents matching the filter.");
        assertThat(AgentListing.fenceLines(catalog, Optional.empty(), true,
                a -> Optional.of("Fence agent for virtual machines")))
                .containsExactly("fence_xvm - Fence agent for virtual machines");
        assertThatThrownBy(() -> AgentListing.fenceLines(catalog, Optional.of("ipmi"), true,
                a -> Optional.empty())).hasMessage("No stonith agents matching the filter.");
    }

    @Test
    void aUniqueShortNameIsAssumed() {
        AgentCatalog.Resolved r = catalog.resolve("ipaddr2");
        assertThat(r.name()).isEqualTo(AgentName.ocf("heartbeat", "IPaddr2"));
        assertThat(r.note()).contains(
                "Assumed agent name 'ocf:heartbeat:IPaddr2' (deduced from 'ipaddr2')");
    }

    @Test
    void anAmbiguousShortNameListsEveryMatch() {
        assertThatThrownBy(() -> catalog.resolve("nginx")).hasMessage("Multiple agents "
                + "match 'nginx', please specify full name: 'lsb:nginx', "
                + "'ocf:heartbeat:nginx' or 'service:nginx'");
    }

    @Test
    void anUnknownShortNameNamesTheNearest() {
        assertThatThrownBy(() -> catalog.resolve("IPadr2")).hasMessage("Unable to find agent "
                + "'IPadr2', try specifying its full name; did you mean "
                + "'ocf:heartbeat:IPaddr2'?");
    }

    @Test
    void stonithCreateTakesTheTypeAlone() {
        assertThat(catalog.stonith("fence_xvm").fullName()).isEqualTo("stonith:fence_xvm");
        assertThatThrownBy(() -> catalog.stonith("stonith:fence_xvm")).hasMessage("Invalid "
                + "stonith agent name 'stonith:fence_xvm'. Agent name cannot contain the ':' "
                + "character, do not use the 'stonith:' prefix.");
    }

    @Test
    void parsesFullNames() {
        assertThat(AgentName.parse("ocf:heartbeat:IPaddr2").provider()).contains("heartbeat");
        assertThat(AgentName.parse("systemd:lvm2-pvscan@252:2").type())
                .isEqualTo("lvm2-pvscan@252:2");
        assertThat(AgentName.parse("lsb:nginx").fullName()).isEqualTo("lsb:nginx");
        for (String bad : List.of("ocf:Dummy", ":name", "lsb:a:b", "ocf::Dummy")) {
            assertThatThrownBy(() -> AgentName.parse(bad)).hasMessage("Invalid resource agent"
                    + " name '" + bad + "'. Use standard:provider:type when standard is 'ocf'"
                    + " or standard:type otherwise.");
        }
    }
}
