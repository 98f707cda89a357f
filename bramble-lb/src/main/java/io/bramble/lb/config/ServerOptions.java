package io.bramble.lb.config;

import java.lang.reflect.RecordComponent;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The options after {@code server NAME ADDR:PORT}, also what {@code default-server} sets for
 * the servers that follow it. Intervals in milliseconds; {@link #SAME_AS_INTER_MS} for
 * fastinter/downinter means "use inter", as HAProxy does.
 *
 * @param check {@code check}: run active health checks
 * @param interMs time between checks while the server is steady UP
 * @param fastInterMs between checks while going up or down
 * @param downInterMs between checks while DOWN
 * @param rise consecutive successes that bring a DOWN server UP
 * @param fall consecutive failures that take an UP server DOWN
 * @param weight relative share of traffic, 0 to {@link #WEIGHT_MAX}; 0 takes no new traffic
 * @param backup serves only when no primary server is usable
 * @param disabled starts in maintenance (MAINT)
 * @param maxconn concurrent connections to this server; 0 for no limit
 * @param cookie the value used for cookie persistence; empty when the server has none
 * @param checkPort {@code port N}: the port health checks use; 0 for the server's port
 * @param tls {@code ssl} and its options: TLS to the server
 * @param pool {@code pool-max-conn} and {@code pool-purge-delay}: idle connections kept
 * @param onMarked {@code on-marked-down} and {@code on-marked-up}: sessions closed when a
 *        check marks the server down or up
 * @param proxyProtocol {@code send-proxy} or {@code send-proxy-v2}: the PROXY header each
 *        connection to the server starts with
 * @param slowstartMs {@code slowstart}: how long a server coming back UP takes to reach its
 *        full weight and maxconn; 0 for at once
 * @param source {@code source ADDR[:PORT]}: the local address of the connections to the
 *        server (port 0: any); empty for the backend's, else the system's choice
 */
public record ServerOptions(
        boolean check,
        long interMs,
        long fastInterMs,
        long downInterMs,
        int rise,
        int fall,
        int weight,
        boolean backup,
        boolean disabled,
        int maxconn,
        Optional<String> cookie,
        int checkPort,
        ServerTls tls,
        ServerPoolLimits pool,
        OnMarked onMarked,
        ProxyProtocol proxyProtocol,
        long slowstartMs,
        Optional<InetSocketAddress> source) {

    public static final long INTER_MS_DEFAULT = 2_000;
    public static final long SAME_AS_INTER_MS = 0;
    public static final int RISE_DEFAULT = 2;
    public static final int FALL_DEFAULT = 3;
    public static final int RISE_FALL_MAX = 1_000;
    public static final int WEIGHT_DEFAULT = 1;
    public static final int WEIGHT_MAX = 256;
    /** No limit on concurrent connections to the server. */
    public static final int MAXCONN_UNLIMITED = 0;
    /** Health checks use the server's own port. */
    public static final int CHECK_PORT_SAME = 0;
    /** Checks more often than this are refused: they would load the server for nothing. */
    public static final long INTER_MS_MIN = 1;
    public static final long INTER_MS_MAX = Timeouts.MAX_MS;

    /** What a server gets with no options and no default-server line. */
    public static final ServerOptions DEFAULTS = new ServerOptions(false, INTER_MS_DEFAULT,
            SAME_AS_INTER_MS, SAME_AS_INTER_MS, RISE_DEFAULT, FALL_DEFAULT, WEIGHT_DEFAULT,
            false, false, MAXCONN_UNLIMITED, Optional.empty(), CHECK_PORT_SAME, ServerTls.NONE,
            ServerPoolLimits.DEFAULTS, OnMarked.NONE, ProxyProtocol.NONE, 0, Optional.empty());

    public ServerOptions {
        checkRange(interMs, INTER_MS_MIN, INTER_MS_MAX, "inter");
        checkRange(fastInterMs, SAME_AS_INTER_MS, INTER_MS_MAX, "fastinter");
        checkRange(downInterMs, SAME_AS_INTER_MS, INTER_MS_MAX, "downinter");
        checkRange(rise, 1, RISE_FALL_MAX, "rise");
        checkRange(fall, 1, RISE_FALL_MAX, "fall");
        checkRange(weight, 0, WEIGHT_MAX, "weight");
        checkRange(maxconn, 0, GlobalSettings.MAXCONN_MAX, "maxconn");
        checkRange(checkPort, 0, 65_535, "port");
        checkRange(slowstartMs, 0, Timeouts.MAX_MS, "slowstart");
    }

    /** The record's form, naming {@code slowstartMs} and {@code source} only when set. */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", "ServerOptions[", "]");
        for (RecordComponent component : ServerOptions.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(this);
                boolean unset = component.getName().equals("slowstartMs") && slowstartMs == 0
                        || component.getName().equals("source") && source.isEmpty();
                if (!unset) {
                    shown.add(component.getName() + "=" + value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return shown.toString();
    }

    /** fastinter as the engine uses it. */
    public long effectiveFastInterMs() {
        return fastInterMs == SAME_AS_INTER_MS ? interMs : fastInterMs;
    }

    /** downinter as the engine uses it. */
    public long effectiveDownInterMs() {
        return downInterMs == SAME_AS_INTER_MS ? interMs : downInterMs;
    }

    public ServerOptions withCheck(boolean value) {
        return new ServerOptions(value, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withInterMs(long value) {
        return new ServerOptions(check, value, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withFastInterMs(long value) {
        return new ServerOptions(check, interMs, value, downInterMs, rise, fall, weight, backup,
                disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withDownInterMs(long value) {
        return new ServerOptions(check, interMs, fastInterMs, value, rise, fall, weight, backup,
                disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withRise(int value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, value, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withFall(int value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, value, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withWeight(int value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, value,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withBackup(boolean value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                value, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withDisabled(boolean value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, value, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withMaxconn(int value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, value, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withCookie(Optional<String> value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, value, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withCheckPort(int value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, value, tls, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withTls(ServerTls value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, value, pool, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    private static void checkRange(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be " + min + " to " + max + ", got " + value);
        }
    }

    public ServerOptions withPool(ServerPoolLimits value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, value, onMarked, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withOnMarked(OnMarked value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, value, proxyProtocol,
                slowstartMs, source);
    }

    public ServerOptions withSlowstartMs(long value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                value, source);
    }

    public ServerOptions withSource(Optional<InetSocketAddress> value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, proxyProtocol,
                slowstartMs, value);
    }

    public ServerOptions withProxyProtocol(ProxyProtocol value) {
        return new ServerOptions(check, interMs, fastInterMs, downInterMs, rise, fall, weight,
                backup, disabled, maxconn, cookie, checkPort, tls, pool, onMarked, value,
                slowstartMs, source);
    }

    /**
     * What a check's verdict does to the sessions already open.
     *
     * @param downShutdownSessions {@code on-marked-down shutdown-sessions}: marked down, the
     *        server's sessions are closed
     * @param upShutdownBackupSessions {@code on-marked-up shutdown-backup-sessions}: marked up,
     *        the sessions on the backend's backup servers are closed
     */
    public record OnMarked(boolean downShutdownSessions, boolean upShutdownBackupSessions) {
        public static final OnMarked NONE = new OnMarked(false, false);
    }
}
