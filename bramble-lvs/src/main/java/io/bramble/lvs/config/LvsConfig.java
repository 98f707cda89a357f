package io.bramble.lvs.config;

import java.util.List;

/**
 * The virtual servers of one keepalived.conf, checked.
 *
 * @param virtualServers in file order
 */
public record LvsConfig(List<VirtualServerConfig> virtualServers) {
    public static final LvsConfig EMPTY = new LvsConfig(List.of());

    public LvsConfig {
        virtualServers = List.copyOf(virtualServers);
    }
}
