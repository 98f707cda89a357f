package io.bramble.cluster.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.Score;
import io.bramble.cluster.pcs.PcsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code pcs resource move} checked before anything changes, as pcs 0.11 checks it: the
 * constraint must move the resource, and removing it once moved must not move it back.
 */
class MovePlanTest {
    private static final long NOW = 1_700_000_000L;

    private static String cib(String defaults) {
        return cib(defaults, "");
    }

    private static String cib(String defaults, String constraints) {
        return """
                <cib epoch="3" num_updates="0" admin_epoch="0">
                  <configuration>
                    <crm_config>
                      <cluster_property_set id="cib-bootstrap-options">
                        <nvpair id="o-stonith" name="stonith-enabled" value="false"/>
                      </cluster_property_set>
                    </crm_config>
                    <nodes>
                      <node id="web1" uname="web1"/>
                      <node id="web2" uname="web2"/>
                      <node id="web3" uname="web3"/>
                    </nodes>
                    <resources>
                      <group id="WebApp">
                        <primitive id="AppIP" class="ocf" provider="heartbeat" type="Dummy"/>
                        <primitive id="AppWebServer" class="ocf" provider="heartbeat"
                            type="Dummy"/>
                      </group>
                    </resources>
                    <constraints>
                """ + constraints + """
                    </constraints>
                """ + defaults + """
                  </configuration>
                  <status/>
                </cib>
                """;
    }

    private static final String STICKY = """
                <rsc_defaults>
                  <meta_attributes id="rsc_defaults-meta_attributes">
                    <nvpair id="rsc_defaults-meta_attributes-resource-stickiness"
                        name="resource-stickiness" value="100"/>
                  </meta_attributes>
                </rsc_defaults>
            """;

    private static Cluster running(String xml, Map<String, String> where) {
        Cluster c = LiveView.configuration(xml, List.of("web1", "web2", "web3"), Set.of("web1",
                "web2", "web3"));
        return new Cluster(c.properties(), c.nodes(), c.resources(), c.constraints(),
                c.defaults(), new ClusterStatus(true, where, List.of()));
    }

    private static final Map<String, String> ON_WEB1 = Map.of("AppIP", "web1", "AppWebServer",
            "web1");

    @Test
    void aGroupMovesToTheNamedNodeWithAPreferenceThatIsRemovedOnceItRunsThere() {
        Cluster before = running(cib(STICKY), ON_WEB1);
        MovePlan plan = MovePlan.of(before, "WebApp", Optional.of("web2"), NOW);
        assertThat(plan).isEqualTo(new MovePlan("WebApp", "web1", "web2",
                new LocationConstraint("cli-prefer-WebApp", "WebApp", "web2", Score.INFINITY)));
        assertThat(plan.done(before)).isFalse();

        Cluster moved = running(cib(STICKY), Map.of("AppIP", "web2", "AppWebServer", "web2"));
        assertThat(plan.done(moved)).isTrue();
        assertThat(plan.movesBack(moved, NOW)).isFalse();
    }

    @Test
    void withoutStickinessTheCurrentNodeWinsATieSoTheMoveStays() {
        MovePlan plan = MovePlan.of(running(cib(""), ON_WEB1), "WebApp", Optional.of("web2"),
                NOW);
        assertThat(plan.movesBack(running(cib(""), Map.of("AppIP", "web2", "AppWebServer",
                "web2")), NOW)).isFalse();
    }

    @Test
    void withoutANodeItBansTheNodeItRunsOn() {
        MovePlan plan = MovePlan.of(running(cib(STICKY), ON_WEB1), "WebApp", Optional.empty(),
                NOW);
        assertThat(plan.constraint()).isEqualTo(new LocationConstraint(
                "cli-ban-WebApp-on-web1", "WebApp", "web1", -Score.INFINITY));
        assertThat(plan.to()).isIn("web2", "web3");
    }

    @Test
    void aMoveThatWouldBeUndoneOnceTheConstraintGoesIsRefusedBeforeAnythingChanges() {
        // No stickiness and a preference for web1: once the move's constraint is gone, the
        // group would go back.
        String prefersWeb1 = "<rsc_location id=\"l1\" rsc=\"WebApp\" node=\"web1\""
                + " score=\"50\"/>";
        assertThatThrownBy(() -> MovePlan.of(running(cib("", prefersWeb1), ON_WEB1), "WebApp",
                Optional.of("web2"), NOW)).isInstanceOf(PcsException.class).hasMessage(
                        "Unable to ensure that moved resource 'WebApp' will stay on the same node"
                                + " after a constraint used for moving it is removed.");
    }

    @Test
    void refusesWhatPcsRefuses() {
        Cluster before = running(cib(STICKY), ON_WEB1);
        assertThatThrownBy(() -> MovePlan.of(before, "Nope", Optional.of("web2"), NOW))
                .hasMessage("bundle/clone/group/resource 'Nope' does not exist");
        assertThatThrownBy(() -> MovePlan.of(before, "WebApp", Optional.of("web9"), NOW))
                .hasMessage("Node 'web9' does not appear to exist in configuration");
        assertThatThrownBy(() -> MovePlan.of(running(cib(STICKY), Map.of()), "WebApp",
                Optional.of("web2"), NOW)).hasMessage("It is not possible to move resource"
                        + " 'WebApp' as it is not running at the moment");
        assertThatThrownBy(() -> MovePlan.of(before, "WebApp", Optional.of("web1"), NOW))
                .hasMessageStartingWith("Unable to move resource 'WebApp' using a location"
                        + " constraint.");
    }
}
