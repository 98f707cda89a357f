package io.bramble.lb.config;

import java.util.Optional;

/**
 * One {@code log ADDRESS [len N] [format F] FACILITY [LEVEL [MINLEVEL]]} line.
 *
 * @param address {@code stdout}, {@code stderr}, a file or unix socket path such as
 *        {@code /dev/log}, or {@code HOST[:PORT]} for syslog over UDP (port 514 by default)
 * @param facility syslog facility such as {@code local0}
 * @param levelMax the most verbose level sent (e.g. {@code notice}), empty for all
 * @param location where the line was written
 */
public record LogTarget(String address, String facility, Optional<String> levelMax,
        ConfigLocation location) {
    public static final int SYSLOG_PORT_DEFAULT = 514;
}
