package io.bramble.lb.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code global} section while its lines are read; becomes a {@link GlobalSettings}. */
final class GlobalDraft {
    final List<LogTarget> logTargets = new ArrayList<>();
    int maxconn = GlobalSettings.MAXCONN_DEFAULT;
    int nbthread = GlobalSettings.NBTHREAD_DEFAULT;
    boolean nativePollers = true;
    Optional<String> pidFile = Optional.empty();
    Optional<String> chroot = Optional.empty();
    Optional<String> user = Optional.empty();
    Optional<String> group = Optional.empty();
    boolean daemon;
    final List<StatsSocketConfig> statsSockets = new ArrayList<>();
    long statsTimeoutMs = GlobalSettings.STATS_TIMEOUT_MS_DEFAULT;
    Optional<String> caBase = Optional.empty();
    Optional<String> crtBase = Optional.empty();
    final Map<String, String> tlsDefaults = new LinkedHashMap<>();
    Optional<String> nodeName = Optional.empty();
    ConfigLocation location = ConfigLocation.NONE;
    /** Whether bramble runs as root: user/group only warn when it does not. */
    final boolean runningAsRoot;

    GlobalDraft(boolean runningAsRoot) {
        this.runningAsRoot = runningAsRoot;
    }

    GlobalSettings build() {
        return new GlobalSettings(logTargets, maxconn, nbthread, nativePollers, pidFile, chroot,
                user, group,
                daemon, statsSockets, statsTimeoutMs, caBase, crtBase, tlsDefaults, nodeName,
                location);
    }
}
