package io.bramble.lvs.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lvs.config.KeepalivedFile;
import io.bramble.lvs.service.VirtualService;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpvsListTest {
    @Test
    void listsLikeIpvsadmLn() throws Exception {
        List<VirtualService> services = KeepalivedFile.read(new KeepalivedConfigParser(),
                "k.conf", """
                        virtual_server 192.168.60.200 80 {
                            lb_algo rr
                            real_server 192.168.60.12 80 { }
                            real_server 192.168.60.11 80 { weight 3 }
                        }
                        virtual_server 10.0.0.9 80 {
                            lb_kind DR
                            real_server 10.0.1.2 80 { }
                            real_server 10.0.2.2 80 { lvs_method TUN }
                        }
                        virtual_server 10.0.0.1 53 {
                            protocol UDP
                            lb_algo wlc
                            persistence_timeout 50
                            persistence_granularity 255.255.255.0
                            real_server 10.0.1.1 53 { }
                        }
                        """, Path.of(".")).lvs().virtualServers().stream()
                .map(config -> new VirtualService(config, new ManualClock())).toList();
        services.getFirst().connect(InetAddress.getByName("172.16.0.1"),
                InetAddress.getByName("192.168.60.200"));
        assertThat(IpvsList.format(services.stream().map(VirtualService::view).toList()))
                .isEqualTo("""
                        IP Virtual Server version 1.2.1 (size=4096)
                        Prot LocalAddress:Port Scheduler Flags
                          -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                        TCP  10.0.0.9:80 wlc
                          -> 10.0.1.2:80                  Route   1      0          0        \s
                          -> 10.0.2.2:80                  Tunnel  1      0          0        \s
                        TCP  192.168.60.200:80 rr
                          -> 192.168.60.11:80             Masq    3      0          0        \s
                          -> 192.168.60.12:80             Masq    1      1          0        \s
                        UDP  10.0.0.1:53 wlc persistent 50 mask 255.255.255.0
                          -> 10.0.1.1:53                  Masq    1      0          0        \s
                        """);
    }
}
