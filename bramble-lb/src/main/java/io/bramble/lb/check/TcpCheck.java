package io.bramble.lb.check;

import io.bramble.lb.config.TcpCheckConfig;
import io.bramble.lb.config.TcpCheckMatch;
import io.bramble.lb.config.TcpCheckRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A backend's check script made ready to run: the implicit first connect added, regular
 * expressions compiled once. Each check is a fresh {@link TcpCheckRun} from {@link #newRun}.
 */
public final class TcpCheck {
    final List<TcpCheckRule> rules;
    /** Compiled pattern of each step, null where the step has none. */
    final List<Pattern> patterns;
    /** The first connect was added, not written: it is step 0, the written ones count from 1. */
    final boolean implicitConnect;
    /** {@code option tcp-check}: failures are described HAProxy's generic way. */
    final boolean generic;
    private final LongSupplier unixSeconds;

    /**
     * @param config the script
     * @param unixSeconds the current Unix time, for scripts that send it
     */
    public TcpCheck(TcpCheckConfig config, LongSupplier unixSeconds) {
        List<TcpCheckRule> steps = new ArrayList<>(config.rules());
        implicitConnect = steps.isEmpty() || !(steps.get(0) instanceof TcpCheckRule.Connect);
        if (implicitConnect) {
            steps.add(0, TcpCheckRule.Connect.DEFAULT);
        }
        this.rules = List.copyOf(steps);
        List<Pattern> compiled = new ArrayList<>();
        for (TcpCheckRule rule : rules) {
            compiled.add(rule instanceof TcpCheckRule.Expect e
                    && (e.match() == TcpCheckMatch.RSTRING || e.match() == TcpCheckMatch.RBINARY)
                            ? Pattern.compile(e.pattern())
                            : null);
        }
        this.patterns = java.util.Collections.unmodifiableList(compiled);
        this.generic = config.origin().equals("option tcp-check");
        this.unixSeconds = unixSeconds;
    }

    /** A run of the script for one check. */
    public TcpCheckRun newRun() {
        return new TcpCheckRun(this, unixSeconds.getAsLong());
    }

    /** HAProxy's step number: the implicit connect is 0, written steps count from 1. */
    int stepNumber(int index) {
        return implicitConnect ? index : index + 1;
    }
}
