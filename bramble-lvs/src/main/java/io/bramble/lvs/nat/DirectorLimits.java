package io.bramble.lvs.nat;

import java.time.Duration;

/**
 * The director's bounds, IPVS's timeouts among them ({@code ipvsadm --set tcp tcpfin udp}).
 *
 * @param connectionsMax connections or UDP flows at once per virtual address; past it new
 *        ones are refused
 * @param connectTimeout for connecting to the real server
 * @param tcpIdle an established connection idle this long is closed (IPVS: 900 s)
 * @param tcpFinIdle once one side closed, idle this long (IPVS: 120 s)
 * @param udpIdle a UDP flow idle this long is forgotten (IPVS: 300 s)
 */
public record DirectorLimits(int connectionsMax, Duration connectTimeout, Duration tcpIdle,
        Duration tcpFinIdle, Duration udpIdle) {
    public static final DirectorLimits DEFAULT = new DirectorLimits(65_536,
            Duration.ofSeconds(10), Duration.ofSeconds(900), Duration.ofSeconds(120),
            Duration.ofSeconds(300));
}
