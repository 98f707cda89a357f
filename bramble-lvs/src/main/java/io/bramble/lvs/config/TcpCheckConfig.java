package io.bramble.lvs.config;

import io.bramble.common.config.Location;

/** {@code TCP_CHECK}: passes when a connection opens within the connect timeout. */
public record TcpCheckConfig(Location where, CheckTiming timing, CheckTarget target)
        implements
            CheckConfig {
    @Override
    public String kind() {
        return "TCP_CHECK";
    }
}
