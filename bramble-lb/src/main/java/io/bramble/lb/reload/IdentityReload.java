package io.bramble.lb.reload;

import io.bramble.common.os.ProcessIdentity;
import java.util.Optional;

/**
 * What a reload can do about {@code user} and {@code group}: they take effect once, at
 * start-up, and a process that gave up root cannot take it back. A reload that changes them
 * is refused; one that fails to bind or read after the switch says why.
 *
 * @param rootAtStart whether the process started as root; the keywords did nothing otherwise
 * @param atStart the identity the start-up file asked for
 * @param switched the identity the process switched to, empty when it did not switch
 */
record IdentityReload(boolean rootAtStart, Optional<ProcessIdentity> atStart,
        Optional<ProcessIdentity> switched) {

    /** Why a reload to a file asking for {@code next} must be refused; empty when it need not. */
    Optional<String> refusal(Optional<ProcessIdentity> next) {
        if (!rootAtStart || next.equals(atStart)) {
            return Optional.empty();
        }
        return Optional.of("the file changes user/group (at start-up: " + text(atStart)
                + "; now: " + text(next) + "), which take effect only at start-up"
                + switched.map(s -> ", and this process already gave up root to run as " + s)
                        .orElse("")
                + "; restart bramble lb to apply it");
    }

    /** Added to the reason a reload failed, when giving up root may be the cause. */
    String note() {
        return switched.filter(s -> s.uid().isPresent() && s.uid().getAsInt() != 0)
                .map(s -> " (this process runs as " + s + " since start-up, so it cannot bind"
                        + " ports below 1024 nor read files only root may read; restart "
                        + "bramble lb to apply such a file)")
                .orElse("");
    }

    private static String text(Optional<ProcessIdentity> identity) {
        return identity.map(ProcessIdentity::description).orElse("none, root");
    }
}
