package io.bramble.lvs.config;

import io.bramble.common.config.Location;
import io.bramble.vrrp.config.Command;
import java.time.Duration;

/**
 * {@code MISC_CHECK}: a program whose exit status 0 means up. With {@code misc_dynamic}, an
 * exit status from 2 to 255 also means up and sets the weight to the status less 2.
 *
 * @param command the program and its arguments
 * @param timeout {@code misc_timeout}, the delay loop by default; an overrun is a failure
 * @param dynamic {@code misc_dynamic}
 */
public record MiscCheckConfig(Location where, CheckTiming timing, Command command,
        Duration timeout, boolean dynamic) implements CheckConfig {
    @Override
    public String kind() {
        return "MISC_CHECK";
    }
}
