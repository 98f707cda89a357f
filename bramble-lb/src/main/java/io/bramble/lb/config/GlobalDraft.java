package io.bramble.lb.config;

import io.bramble.common.os.Accounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** The {@code global} section while its lines are read; becomes a {@link GlobalSettings}. */
final class GlobalDraft {
    final List<LogTarget> logTargets = new ArrayList<>();
    int maxconn = GlobalSettings.MAXCONN_DEFAULT;
    int nbthread = GlobalSettings.NBTHREAD_DEFAULT;
    boolean nativePollers = true;
    Optional<String> pidFile = Optional.empty();
    Optional<String> chroot = Optional.empty();
    boolean daemon;
    final List<StatsSocketConfig> statsSockets = new ArrayList<>();
    long statsTimeoutMs = GlobalSettings.STATS_TIMEOUT_MS_DEFAULT;
    Optional<String> caBase = Optional.empty();
    Optional<String> crtBase = Optional.empty();
    TlsOptions bindTls = TlsOptions.NONE;
    TlsOptions serverTls = TlsOptions.NONE;
    Optional<String> nodeName = Optional.empty();
    OptionalLong hardStopAfterMs = OptionalLong.empty();
    ConfigLocation location = ConfigLocation.NONE;
    /** {@code user}, {@code uid}, {@code group} and {@code gid}. */
    final IdentityDraft identity;
    /** {@code description}: what {@code stats show-desc} without text shows. */
    Optional<String> description = Optional.empty();
    /** {@code default-path}: where relative file names start; empty for the current directory. */
    Optional<Path> defaultPath = Optional.empty();
    /** {@code ssl-server-verify}: whether servers verify unless their line says otherwise. */
    Optional<Boolean> serverVerify = Optional.empty();

    GlobalDraft(boolean runningAsRoot, Supplier<Accounts> accounts) {
        this.identity = new IdentityDraft(accounts, runningAsRoot);
    }

    GlobalSettings build() {
        return new GlobalSettings(logTargets, maxconn, nbthread, nativePollers, pidFile, chroot,
                identity.build(), daemon, statsSockets, statsTimeoutMs, rebased(caBase),
                rebased(crtBase), new TlsDefaults(bindTls, serverTls), nodeName, hardStopAfterMs,
                location);
    }

    /** A {@code ca-base} or {@code crt-base} as seen from the {@code default-path}. */
    private Optional<String> rebased(Optional<String> base) {
        return defaultPath.map(dir -> dir.resolve(base.orElse("")).toString()).or(() -> base);
    }

    /** A file name of the configuration as seen from the {@code default-path}. */
    Path file(String name) {
        return defaultPath.map(dir -> dir.resolve(name)).orElse(Path.of(name));
    }
}
