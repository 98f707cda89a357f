package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server-state file's keywords, {@code peers} sections and custom log formats are refused
 * at their line, each naming itself and saying what to do instead.
 */
class ServerStateAndPeersRefusalTest {
    @Test
    void eachRefusalNamesItsLineAndWhatToDo() {
        assertThatThrownBy(() -> new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                global
                    server-state-file /etc/haproxy/haproxy.state
                    server-state-base /var/lib/haproxy
                defaults
                    load-server-state-from-file global
                backend b
                    server-state-file-name b.state
                    stick-table type ip size 1m peers mine
                    server s 127.0.0.1:81
                peers mine
                    peer a 127.0.0.1:10000
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lb.cfg:2: server-state-file: not supported by bramble; "
                        + "bramble keeps no server-state file: a reload keeps each server's "
                        + "state")
                .hasMessageContaining("lb.cfg:3: server-state-base: not supported by bramble; "
                        + "bramble keeps no server-state file")
                .hasMessageContaining("lb.cfg:5: load-server-state-from-file: not supported by "
                        + "bramble; bramble keeps no server-state file")
                .hasMessageContaining("lb.cfg:7: server-state-file-name: not supported by "
                        + "bramble; bramble keeps no server-state file")
                .hasMessageContaining("remove the line")
                .hasMessageContaining("lb.cfg:8: stick-table: 'peers' is not supported by "
                        + "bramble; bramble has no peers sections")
                .hasMessageContaining("lb.cfg:10: peers: section not supported by bramble; "
                        + "bramble has no peers sections: its stick tables are not shared "
                        + "between processes; remove the section and each table's 'peers NAME'");
    }

    @Test
    void anErrorLogFormatSaysWhichLayoutsBrambleWrites() {
        assertThatThrownBy(() -> new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                defaults
                    error-log-format "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B"
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lb.cfg:2: error-log-format: not supported by bramble; "
                        + "bramble writes the lines of 'option httplog', 'option tcplog', "
                        + "'log-format'")
                .hasMessageContaining("remove the line");
    }
}
