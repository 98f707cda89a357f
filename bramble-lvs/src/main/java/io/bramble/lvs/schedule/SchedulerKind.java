package io.bramble.lvs.schedule;

import java.util.Locale;
import java.util.Optional;

/** The IPVS schedulers, by the names {@code lvs_sched} and {@code ipvsadm -s} use. */
public enum SchedulerKind {
    RR, WRR, LC, WLC, LBLC, LBLCR, DH, SH, SED, NQ, MH, FO, OVF;

    /** The name as written in keepalived.conf and shown by {@code ipvsadm -Ln}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scheduler named {@code name}, as keepalived reads it (lower case). */
    public static Optional<SchedulerKind> named(String name) {
        for (SchedulerKind kind : values()) {
            if (kind.label().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
