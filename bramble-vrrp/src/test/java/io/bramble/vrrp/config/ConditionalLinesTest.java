package io.bramble.vrrp.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One file for two nodes, as keepalived reads it with {@code -i lb1} and {@code -i lb2}. */
class ConditionalLinesTest {
    private static final String FILE = """
            global_defs {
                vrrp_version 2
            }
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                @lb1 state MASTER
                @lb1 priority 150
                @lb2 priority 100
                @^lb1 nopreempt
                authentication {
                    auth_type PASS
                    auth_pass ab#cdefghij
                }
                virtual_ipaddress {
                    10.0.0.10/24
                }
            }
            """;

    @Test
    void eachNodeReadsItsOwnLines() {
        InstanceConfig lb1 = parse("lb1");
        InstanceConfig lb2 = parse("lb2");
        assertThat(lb1.state()).isEqualTo(InitialState.MASTER);
        assertThat(lb1.priority()).isEqualTo(150);
        assertThat(lb1.preempt()).isTrue();
        assertThat(lb2.state()).isEqualTo(InitialState.BACKUP);
        assertThat(lb2.priority()).isEqualTo(100);
        assertThat(lb2.preempt()).isFalse();
    }

    @Test
    void aNodeWithoutAnIdReadsOnlyTheNegatedLines() {
        InstanceConfig other = parse("");
        assertThat(other.priority()).isEqualTo(InstanceConfig.PRIORITY_DEFAULT);
        assertThat(other.preempt()).isFalse();
    }

    @Test
    void aCommentSignEndsThePasswordAsInKeepalived() {
        assertThat(parse("lb1").password()).isEqualTo("ab");
    }

    @Test
    void theDefaultIdIsTheHostNameUpToItsFirstDot() {
        assertThat(ConfigId.ofHostName("lb1.example.com\n")).isEqualTo("lb1");
        assertThat(ConfigId.ofHostName("lb1")).isEqualTo("lb1");
    }

    private static InstanceConfig parse(String configId) {
        return new KeepalivedConfigParser(configId).parse("two-nodes.conf", FILE, null)
                .instances().getFirst();
    }
}
