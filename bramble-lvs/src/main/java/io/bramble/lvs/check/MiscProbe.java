package io.bramble.lvs.check;

import io.bramble.lvs.config.MiscCheckConfig;
import io.bramble.vrrp.service.CommandRunner;

/**
 * {@code MISC_CHECK}: the program's exit status 0 passes and anything else fails; with
 * {@code misc_dynamic}, 1 fails and 2 to 255 pass and set the weight to the status less 2, as
 * keepalived does. A program that overruns {@code misc_timeout} is killed and fails.
 */
final class MiscProbe implements Probe {
    private final MiscCheckConfig config;
    private final CommandRunner runner;

    MiscProbe(MiscCheckConfig config, CommandRunner runner) {
        this.config = config;
        this.runner = runner;
    }

    @Override
    public Result attempt() {
        CommandRunner.Result result = runner.run(config.command().words(),
                config.command().user(), config.timeout().toMillis());
        return judge(result.exitCode(), result.problem(), config.dynamic());
    }

    /** The verdict on an exit status (-1 with a problem when there was none). */
    static Result judge(int exitCode, String problem, boolean dynamic) {
        if (!problem.isEmpty()) {
            return Result.fail(problem);
        }
        if (exitCode == 0) {
            return Result.pass();
        }
        if (dynamic && exitCode >= 2 && exitCode <= 255) {
            return new Result(true, exitCode - 2, "");
        }
        return Result.fail("exit status " + exitCode);
    }
}
