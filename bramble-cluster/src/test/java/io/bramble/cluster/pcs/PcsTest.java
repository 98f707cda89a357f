package io.bramble.cluster.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.MetadataParser;
import io.bramble.cluster.agent.PcsMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pcs's grammar on a CIB in memory, with a made-up agent whose meta-data the test writes. */
class PcsTest {
    /** The CIB both tests start from: two nodes, nothing else configured. */
    static final String START = """
            <cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" \
            num_updates="0" admin_epoch="0">
              <configuration>
                <crm_config/>
                <nodes>
                  <node id="1" uname="n1"/>
                  <node id="2" uname="n2"/>
                </nodes>
                <resources/>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;
    private static final String WIDGET = """
            <resource-agent name="Widget" version="1.0">
              <version>1.0</version>
              <shortdesc lang="en">A widget</shortdesc>
              <longdesc lang="en">A widget</longdesc>
              <parameters>
                <parameter name="size" required="1"><content type="string"/></parameter>
                <parameter name="color"><content type="string"/></parameter>
              </parameters>
              <actions>
                <action name="start" timeout="20s"/>
                <action name="stop" timeout="30s"/>
                <action name="monitor" timeout="10s" interval="10s"/>
                <action name="monitor" timeout="15s" interval="10s" depth="10"/>
                <action name="meta-data" timeout="5s"/>
                <action name="validate-all" timeout="5s"/>
              </actions>
            </resource-agent>
            """;
    private static final AgentSource AGENTS = new AgentSource() {
        @Override
        public AgentCatalog catalog() {
            return new AgentCatalog(List.of(AgentName.ocf("test", "Widget"),
                    AgentName.ocf("test", "Gadget"), AgentName.ocf("other", "Gadget")));
        }

        @Override
        public AgentMetadata metadata(AgentName agent) {
            return PcsMetadata.of(MetadataParser.parse(agent, WIDGET));
        }
    };

    private CibElement cib = parse(START);
    private PcsResult last;

    private static CibElement parse(String xml) {
        try {
            return CibElement.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs one command line; a changed CIB becomes the next command's. */
    private PcsResult pcs(String line) {
        last = Pcs.run(PcsOptions.parse(Arrays.asList(line.split(" "))), cib, AGENTS);
        last.cib().ifPresent(c -> cib = c);
        return last;
    }

    private CibElement element(String id) {
        return cib.byId(id).orElseThrow(() -> new AssertionError("no " + id + " in "
                + cib.toXml()));
    }

    private List<String> childIds(String id) {
        return element(id).children().stream().map(c -> c.get("id")).toList();
    }

    @Test
    void createWritesPcsIdsSortedAttributesAndOperationsFromTheMetadata() {
        PcsResult r = pcs("resource create W Widget size=3 color=red op start timeout=99s "
                + "meta b=1 a=2 --disabled");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).containsExactly(
                "Assumed agent name 'ocf:test:Widget' (deduced from 'Widget')",
                "Warning: changing a monitor operation interval from 10s to 11 to make the "
                        + "operation unique");
        assertThat(childIds("W-instance_attributes")).containsExactly(
                "W-instance_attributes-color", "W-instance_attributes-size");
        assertThat(childIds("W-meta_attributes")).containsExactly("W-meta_attributes-a",
                "W-meta_attributes-b", "W-meta_attributes-target-role");
        assertThat(element("W").children().getLast().children().stream()
                .map(op -> op.get("id") + " " + op.get("timeout")).toList()).containsExactly(
                        "W-monitor-interval-10s 10s", "W-monitor-interval-11 15s",
                        "W-start-interval-0s 99s", "W-stop-interval-0s 30s");
        assertThat(element("W-monitor-interval-11-instance_attributes-OCF_CHECK_LEVEL")
                .get("value")).isEqualTo("10");
        assertThat(cib.get("epoch")).isEqualTo("2");
    }

    @Test
    void banMakesCrmResourcesConstraintAndClearRemovesWhatMoveAndBanLeft() {
        pcs("resource create W ocf:test:Widget size=1");
        PcsResult ban = pcs("resource ban W node2");
        assertThat(ban.exitCode()).isZero();
        assertThat(ban.err().getFirst()).isEqualTo("Warning: Creating location constraint"
                + " 'cli-ban-W-on-node2' with a score of -INFINITY for resource W on node2.");
        assertThat(element("cli-ban-W-on-node2").attributes()).containsEntry("score",
                "-INFINITY").containsEntry("node", "node2").containsEntry("rsc", "W");
        pcs("constraint location W prefers node1=50");
        assertThat(pcs("resource clear W").out()).containsExactly(
                "Removing constraint: cli-ban-W-on-node2");
        assertThat(cib.byId("cli-ban-W-on-node2")).isEmpty();
        assertThat(cib.byId("location-W-node1-50")).isPresent();
        assertThat(pcs("resource clear Nope").err()).contains(
                "Error: Resource 'Nope' does not exist");
    }

    @Test
    void refusalsLeaveTheCibAsItWas() {
        assertThat(pcs("resource create G Gadget size=1").err()).containsExactly(
                "Error: Multiple agents match 'Gadget', please specify full name: "
                        + "'ocf:other:Gadget' or 'ocf:test:Gadget'",
                "Error: " + PcsException.UNABLE);
        assertThat(pcs("resource create W ocf:test:Widget colour=1").err()).containsExactly(
                "Error: invalid resource option 'colour', allowed options are: 'color', "
                        + "'size', use --force to override",
                "Error: required resource option 'size' is missing, use --force to override",
                "Error: " + PcsException.UNABLE);
        assertThat(last.exitCode()).isEqualTo(1);
        assertThat(last.cib()).isEmpty();
        assertThat(pcs("resource create W ocf:test:Widget colour=1 --force").exitCode())
                .isZero();
        assertThat(element("W-instance_attributes-colour").get("value")).isEqualTo("1");
        assertThat(pcs("resource create W ocf:test:Widget size=1").err())
                .containsExactly("Error: 'W' already exists");
    }

    @Test
    void groupsTakeMembersBeforeOrAfterOthersAndEmptyGroupsGo() {
        pcs("resource create A ocf:test:Widget size=1 --group G");
        pcs("resource create B ocf:test:Widget size=1 --group G --before A");
        pcs("resource create C ocf:test:Widget size=1");
        assertThat(childIds("G")).containsExactly("B", "A");
        pcs("resource group add H C");
        pcs("resource group add H B --before C");
        assertThat(childIds("H")).containsExactly("B", "C");
        pcs("resource group add H A --after B");
        assertThat(childIds("H")).containsExactly("B", "A", "C");
        assertThat(cib.byId("G")).isEmpty();
        assertThat(pcs("resource create D ocf:test:Widget size=1 --after A").err())
                .containsExactly("Error: you cannot use --after without --group");
    }

    @Test
    void constraintsGetPcsIdsAndAListing() {
        pcs("resource create A ocf:test:Widget size=1");
        pcs("resource create B ocf:test:Widget size=1");
        pcs("constraint location A prefers n1=50 n2");
        pcs("constraint location A avoids n3");
        pcs("constraint location A prefers n1=20");
        pcs("constraint colocation add B with A -100");
        assertThat(pcs("constraint order stop A then B kind=Optional symmetrical=false").err())
                .containsExactly("Adding A B (kind: Optional) (Options: first-action=stop "
                        + "then-action=start symmetrical=false)");
        pcs("constraint order A then B");
        assertThat(cib.child("configuration").orElseThrow().child("constraints").orElseThrow()
                .children().stream().map(c -> c.get("id")).toList())
                .containsExactly("location-A-n2-INFINITY",
                        "location-A-n3--INFINITY", "location-A-n1-20", "colocation-B-A--100",
                        "order-A-B-Optional", "order-A-B-mandatory");
        assertThat(pcs("constraint").out()).containsExactly("Location Constraints:",
                "  Resource: A", "    Enabled on:", "      Node: n2 (score:INFINITY)",
                "      Node: n1 (score:20)", "    Disabled on:",
                "      Node: n3 (score:-INFINITY)", "Ordering Constraints:",
                "  stop A then start B (kind:Optional) (non-symmetrical)",
                "  start A then start B (kind:Mandatory)", "Colocation Constraints:",
                "  B with A (score:-100)", "Ticket Constraints:");
        assertThat(pcs("constraint ref B").out()).containsExactly("Resource: B",
                "  colocation-B-A--100", "  order-A-B-Optional", "  order-A-B-mandatory");
        assertThat(pcs("constraint remove nope").err())
                .containsExactly("Error: Unable to find constraint - 'nope'");
        assertThat(pcs("resource delete B").err()).containsExactly(
                "Removing Constraint - colocation-B-A--100",
                "Removing Constraint - order-A-B-Optional",
                "Removing Constraint - order-A-B-mandatory", "Deleting Resource - B");
    }

    @Test
    void propertiesDefaultsAndMetaAreNameValueSets() {
        pcs("property set stonith-enabled=false no-quorum-policy=ignore");
        assertThat(pcs("property").out()).containsExactly("Cluster Properties:",
                " no-quorum-policy: ignore", " stonith-enabled: false");
        assertThat(pcs("property set colour=1").err().getFirst()).startsWith(
                "Error: invalid cluster property option 'colour', allowed options are: "
                        + "'batch-limit'");
        assertThat(pcs("property unset colour").err().getFirst()).isEqualTo(
                "Error: Cannot remove property 'colour', it is not present in property set "
                        + "'cib-bootstrap-options', use --force to override");
        pcs("property unset stonith-enabled");
        assertThat(childIds("cib-bootstrap-options"))
                .containsExactly("cib-bootstrap-options-no-quorum-policy");
        pcs("resource defaults update resource-stickiness=100");
        assertThat(element("rsc_defaults-meta_attributes-resource-stickiness").get("value"))
                .isEqualTo("100");
        pcs("resource create A ocf:test:Widget size=1");
        pcs("resource disable A");
        pcs("resource meta A migration-threshold=3");
        assertThat(childIds("A-meta_attributes")).containsExactly(
                "A-meta_attributes-target-role", "A-meta_attributes-migration-threshold");
        pcs("resource enable A");
        assertThat(childIds("A-meta_attributes"))
                .containsExactly("A-meta_attributes-migration-threshold");
    }

    @Test
    void nodesMustBeInTheCibAndMoveNeedsTheLiveCluster() {
        assertThat(pcs("node standby n9").err()).containsExactly(
                "Error: Node 'n9' does not appear to exist in configuration");
        pcs("node standby n1");
        assertThat(element("nodes-1-standby").get("value")).isEqualTo("on");
        pcs("resource create A ocf:test:Widget size=1");
        assertThat(pcs("resource move A n1 -f cib.xml").err())
                .containsExactly("Error: " + Pcs.NO_FILE);
    }

    @Test
    void optionsMayStandAnywhereAndNegativeScoresAreWords() {
        PcsOptions o = PcsOptions.parse(List.of("constraint", "-f", "c.xml", "colocation",
                "add", "A", "with", "B", "-INFINITY", "--force"));
        assertThat(o.words()).containsExactly("constraint", "colocation", "add", "A", "with",
                "B", "-INFINITY");
        assertThat(o.file()).contains("c.xml");
        assertThat(o.has("--force")).isTrue();
        assertThat(PcsOptions.parse(List.of("resource", "--group=G")).value("--group"))
                .contains("G");
    }

    @Test
    void idsLeaveOutWhatAnXmlIdCannotHoldAndCountUp() {
        assertThat(PcsIds.sanitize("1a b:c")).isEqualTo("abc");
        pcs("resource create A ocf:test:Widget size=1");
        assertThat(PcsIds.unique(cib, "A")).isEqualTo("A-1");
    }
}
