package io.bramble.lb.runtime;

import io.bramble.lb.proxy.ProcessInfo;
import io.bramble.lb.proxy.ServerHandle;
import java.util.List;

/**
 * What the runtime API works on: the configuration generation serving new connections (after a
 * reload, the new one).
 */
public interface RuntimeTarget {
    /** Every server, backends in configuration order. */
    List<ServerHandle> servers();

    /** True when a backend (or listen) of that name runs. */
    boolean hasBackend(String name);

    /** The stats CSV, as {@code show stat} prints it. */
    String statsCsv();

    /** Process-wide figures. */
    ProcessInfo info();

    /**
     * Reads the configuration file again and applies it; the text says what happened (the
     * errors of a refused file, one per line).
     */
    ReloadOutcome reload();

    /** The result of {@link #reload}. */
    record ReloadOutcome(boolean applied, String message) {}
}
