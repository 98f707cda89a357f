package io.bramble.lb.config;

import io.bramble.common.os.ProcessIdentity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code global} section. Keywords that cannot apply to a foreground Java process
 * ({@code chroot}, {@code daemon}) are kept so the engine can say once that it ignores them.
 *
 * @param logTargets {@code log ADDR FACILITY [LEVEL]} lines, used by proxies with
 *        {@code log global}
 * @param maxconn process-wide concurrent connection limit
 * @param nbthread event loop threads; 0 means one per core
 * @param nativePollers io_uring or epoll may be used; false after {@code noepoll}, which
 *        leaves Java's NIO selector
 * @param pidFile where to write the process id, when set
 * @param chroot the directory HAProxy would chroot to; bramble does not
 * @param runAs {@code user}/{@code uid} and {@code group}/{@code gid}, resolved: who the
 *        process becomes once its ports are bound, when started as root
 * @param daemon true when the file asks to go to the background; bramble stays in front
 * @param statsSockets {@code stats socket PATH [options]} lines: where the runtime API listens
 * @param statsTimeoutMs {@code stats timeout}: idle time allowed on the stats socket
 * @param caBase {@code ca-base} directory
 * @param crtBase {@code crt-base} directory
 * @param tlsDefaults {@code ssl-default-bind-*} and {@code ssl-default-server-*}: the TLS
 *        settings of lines that do not set their own
 * @param nodeName {@code node}: the name shown by {@code stats show-node}; empty for host name
 * @param hardStopAfterMs {@code hard-stop-after}: how long a graceful stop or a generation
 *        retired by a reload may wait for its open connections before closing them; empty
 *        to wait for as long as they last
 * @param location where the section starts
 */
public record GlobalSettings(
        List<LogTarget> logTargets,
        int maxconn,
        int nbthread,
        boolean nativePollers,
        Optional<String> pidFile,
        Optional<String> chroot,
        Optional<ProcessIdentity> runAs,
        boolean daemon,
        List<StatsSocketConfig> statsSockets,
        long statsTimeoutMs,
        Optional<String> caBase,
        Optional<String> crtBase,
        TlsDefaults tlsDefaults,
        Optional<String> nodeName,
        OptionalLong hardStopAfterMs,
        ConfigLocation location) {

    /** HAProxy's built-in global maxconn when neither the file nor ulimit sets one. */
    public static final int MAXCONN_DEFAULT = 4096;
    /** Upper bound bramble accepts for maxconn, to keep buffers bounded. */
    public static final int MAXCONN_MAX = 1_000_000;
    /** 0 = one event loop per available core. */
    public static final int NBTHREAD_DEFAULT = 0;
    public static final int NBTHREAD_MAX = 256;
    /** HAProxy's default idle timeout on the stats socket: 10 s. */
    public static final long STATS_TIMEOUT_MS_DEFAULT = 10_000;

    public GlobalSettings {
        logTargets = List.copyOf(logTargets);
        statsSockets = List.copyOf(statsSockets);
    }

    /** A file with no global section. */
    public static GlobalSettings defaults() {
        return new GlobalSettings(List.of(), MAXCONN_DEFAULT, NBTHREAD_DEFAULT, true,
                Optional.empty(),
                Optional.empty(), Optional.empty(), false, List.of(),
                STATS_TIMEOUT_MS_DEFAULT, Optional.empty(), Optional.empty(), TlsDefaults.NONE,
                Optional.empty(), OptionalLong.empty(), ConfigLocation.NONE);
    }
}
