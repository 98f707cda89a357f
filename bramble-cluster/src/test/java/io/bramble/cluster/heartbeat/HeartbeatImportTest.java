package io.bramble.cluster.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.cluster.agent.AgentCatalog;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.MetadataParser;
import io.bramble.cluster.agent.PcsMetadata;
import io.bramble.cluster.pcs.AgentSource;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.common.config.Diagnostic;
import io.bramble.common.config.Diagnostics;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeartbeatImportTest {
    /** Seed 002's shape: two nodes, failback on, a floating address and a web server. */
    private static final String HA_CF = """
            logfile /var/log/ha-log
            keepalive 2
            deadtime 30
            warntime 10
            initdead 120
            udpport 694
            bcast eth1
            auto_failback on
            node node1.example.com
            node node2.example.com
            ping 192.168.1.1
            respawn hacluster /usr/lib/heartbeat/ipfail
            """;

    private static List<ImportStep> steps(String haCf, String haresources) {
        Diagnostics diagnostics = new Diagnostics();
        HaCf read = HaCf.read("ha.cf", haCf, diagnostics);
        assertThat(diagnostics.errors()).isEmpty();
        return HeartbeatImport.steps(read, HaresourcesLine.read("haresources", haresources));
    }

    private static List<String> words(List<ImportStep> steps) {
        return steps.stream().map(s -> s.where().line() + " " + String.join(" ", s.words()))
                .toList();
    }

    @Test
    void aLineBecomesAGroupInItsOrderPreferringItsNode() {
        assertThat(words(steps(HA_CF, """
                # the web service
                node1.example.com 192.168.1.100/24/eth0 \\
                    Filesystem::/dev/sdb1::/var/www::ext4 httpd
                """))).containsExactly(
                "2 resource create IPaddr_192_168_1_100 ocf:heartbeat:IPaddr "
                        + "ip=192.168.1.100 cidr_netmask=24 nic=eth0 --group group_1",
                "2 resource create Filesystem ocf:heartbeat:Filesystem device=/dev/sdb1 "
                        + "directory=/var/www fstype=ext4 --group group_1",
                "2 resource create httpd service:httpd --group group_1",
                "2 constraint location group_1 prefers node1.example.com=100");
    }

    @Test
    void autoFailbackOffKeepsResourcesWhereTheyRun() {
        String off = HA_CF.replace("auto_failback on", "auto_failback off");
        assertThat(words(steps(off, "node2.example.com IPaddr2::10.0.0.5 mysql\n")))
                .containsExactly(
                        "1 resource defaults update resource-stickiness=INFINITY",
                        "1 resource create IPaddr2_10_0_0_5 ocf:heartbeat:IPaddr2 ip=10.0.0.5 "
                                + "--group group_1",
                        "1 resource create mysql service:mysql --group group_1",
                        "1 constraint location group_1 prefers node2.example.com=100");
        String nice = HA_CF.replace("auto_failback on", "nice_failback on");
        assertThat(words(steps(nice, "node1.example.com httpd\n")).getFirst())
                .isEqualTo("1 resource defaults update resource-stickiness=INFINITY");
    }

    @Test
    void aSingleResourceIsPlacedAloneAndIdsStayUnique() {
        assertThat(words(steps(HA_CF, """
                node1.example.com httpd
                node2.example.com httpd
                """))).containsExactly(
                "1 resource create httpd service:httpd",
                "1 constraint location httpd prefers node1.example.com=100",
                "2 resource create httpd_2 service:httpd",
                "2 constraint location httpd_2 prefers node2.example.com=100");
    }

    @Test
    void whatCannotBeBroughtOverIsRefusedWithItsLine() {
        assertThatThrownBy(() -> steps(HA_CF, "node1.example.com drbddisk::r0 httpd\n"))
                .hasMessage("haresources:1: drbddisk::r0: DRBD runs under Pacemaker as "
                        + "ocf:linbit:drbd, a promotable clone, which bramble does not support");
        assertThatThrownBy(() -> steps(HA_CF, "\nnode1.example.com Squid::a::b\n"))
                .hasMessageStartingWith("haresources:2: Squid::a::b: bramble knows no agent "
                        + "for the Heartbeat script 'Squid' with arguments");
        assertThatThrownBy(() -> steps(HA_CF, "node3 httpd\n"))
                .hasMessage("haresources:1: node3: not a node of ha.cf (node1.example.com, "
                        + "node2.example.com)");
        assertThatThrownBy(() -> steps(HA_CF, "node1.example.com MailTo::a::b::c\n"))
                .hasMessage("haresources:1: MailTo::a::b::c: MailTo takes at most 2 arguments "
                        + "(email, subject), got 3");
        assertThatThrownBy(() -> steps(HA_CF, "node1.example.com\n"))
                .hasMessage("haresources:1: node1.example.com: a haresources line names a "
                        + "node and then its resources");
    }

    @Test
    void haCfSaysWhatStandsForHeartbeatsOwnDirectives() {
        Diagnostics diagnostics = new Diagnostics();
        HaCf read = HaCf.read("ha.cf", HA_CF + "crm respawn\nfrobnicate 1\n", diagnostics);
        assertThat(read.nodes()).containsExactly("node1.example.com", "node2.example.com");
        assertThat(read.autoFailback()).isEqualTo(AutoFailback.ON);
        assertThat(diagnostics.warnings().stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n"))).contains(
                        "ha.cf:2: keepalive: warning: ignored: bramble's pool finds its members",
                        "ha.cf:11: ping: warning: not carried over: bramble does not move resources "
                                + "on what a ping reaches (ipfail)",
                        "ha.cf:12: respawn: warning: not carried over");
        assertThat(diagnostics.errors().stream().map(Diagnostic::toString).toList())
                .containsExactly("ha.cf:13: crm: this cluster keeps its resources in "
                        + "Pacemaker's CIB, not in haresources: save it with 'cibadmin --query "
                        + "> cib.xml' and read it with 'bramble cluster status -f cib.xml'",
                        "ha.cf:14: frobnicate: unknown keyword in ha.cf");
    }

    @Test
    void theCommandsRunOnACibAllOrNothing() {
        List<ImportStep> steps = steps(HA_CF,
                "node1.example.com 192.168.1.100/24 Xinetd::tftp\n");
        PcsResult done = ImportRun.run(steps, CibElement.empty(), AGENTS, false);
        assertThat(done.exitCode()).isZero();
        String xml = done.cib().orElseThrow().toXml();
        assertThat(xml).containsSubsequence("<group id=\"group_1\">",
                "<primitive id=\"IPaddr_192_168_1_100\"", "<primitive id=\"Xinetd\"",
                "</group>", "<rsc_location id=\"location-group_1-node1.example.com-100\" "
                        + "rsc=\"group_1\" node=\"node1.example.com\" score=\"100\"/>");
        assertThat(done.out().getFirst()).isEqualTo("pcs resource create IPaddr_192_168_1_100 "
                + "ocf:heartbeat:IPaddr ip=192.168.1.100 cidr_netmask=24 --group group_1");

        PcsResult refused = ImportRun.run(steps(HA_CF, "node1.example.com 10.0.0.1 httpd\n"),
                CibElement.empty(), AGENTS, false);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.cib()).isEmpty();
        assertThat(refused.err().getLast()).isEqualTo("Error: haresources:1: nothing was "
                + "written");
    }

    /** The heartbeat agents, each taking every attribute the translations write. */
    private static final AgentSource AGENTS = new AgentSource() {
        @Override
        public AgentCatalog catalog() {
            return new AgentCatalog(List.of(AgentName.ocf("heartbeat", "IPaddr"),
                    AgentName.ocf("heartbeat", "Xinetd")));
        }

        @Override
        public AgentMetadata metadata(AgentName agent) {
            if (!catalog().contains(agent)) {
                throw new io.bramble.cluster.pcs.PcsException("Agent '" + agent
                        + "' is not installed or does not provide valid metadata");
            }
            return PcsMetadata.of(MetadataParser.parse(agent, """
                    <resource-agent name="%s" version="1.0">
                      <version>1.0</version>
                      <shortdesc lang="en">x</shortdesc>
                      <longdesc lang="en">x</longdesc>
                      <parameters>
                        <parameter name="ip"><content type="string"/></parameter>
                        <parameter name="cidr_netmask"><content type="string"/></parameter>
                        <parameter name="service"><content type="string"/></parameter>
                      </parameters>
                      <actions>
                        <action name="start" timeout="20s"/>
                        <action name="stop" timeout="20s"/>
                        <action name="monitor" timeout="20s" interval="10s"/>
                      </actions>
                    </resource-agent>
                    """.formatted(agent.type())));
        }
    };
}
