package io.bramble.lb.config;

import io.bramble.common.config.Location;
import io.bramble.lb.log.LogLineFormat;

/**
 * A proxy's {@code log-format} line: the compiled format and where it was written, for the
 * checks made once the proxy's mode is known.
 *
 * @param format the compiled format
 * @param where the {@code log-format} line
 */
public record CustomLogFormat(LogLineFormat format, Location where) {}
