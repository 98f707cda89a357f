package io.bramble.lb.log;

import io.bramble.lb.config.LogTarget;

/** One {@code log} line of a proxy, opened: where its lines go and the levels it takes. */
record LogRoute(LogSink sink, LogTarget target) {}
