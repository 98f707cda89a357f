package io.bramble.lvs.config;

import io.bramble.common.config.Location;

/** One checker block of a real server; the server is up while every one passes. */
public sealed interface CheckConfig permits TcpCheckConfig, HttpGetConfig, MiscCheckConfig {
    /** Its first line, for messages. */
    Location where();

    CheckTiming timing();

    /** The keyword, as keepalived names the checker: {@code TCP_CHECK}. */
    String kind();
}
