package io.bramble.vrrp.service;

import io.bramble.vrrp.config.ScriptConfig;
import io.bramble.vrrp.core.RiseFall;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@code vrrp_script} every {@code interval} on a virtual thread, counts its results
 * with rise/fall and reports each change of state. The first result counts like any other;
 * the script starts up, or down with {@code init_fail}, as in keepalived.
 */
final class ScriptTracker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptTracker.class);

    private final ScriptConfig script;
    private final CommandRunner runner;
    private final Consumer<Boolean> onChange;
    private final RiseFall health;
    private volatile boolean running = true;

    ScriptTracker(ScriptConfig script, CommandRunner runner, Consumer<Boolean> onChange) {
        this.script = script;
        this.runner = runner;
        this.onChange = onChange;
        this.health = new RiseFall(script.rise(), script.fall(), !script.initFail());
    }

    boolean initiallyUp() {
        return !script.initFail();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            CommandRunner.Result result = runner.run(script.command(), script.user(), script
                    .timeoutMs());
            if (!running) {
                return;
            }
            if (!result.problem().isEmpty()) {
                LOG.debug("script {}: {}", script.name(), result.problem());
            }
            if (health.record(result.success())) {
                LOG.info("script {} is now {}", script.name(), health.up() ? "up" : "down");
                onChange.accept(health.up());
            }
            try {
                Thread.sleep(script.intervalMs());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
