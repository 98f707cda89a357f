package io.bramble.cli.demo;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A demo played to its end in a folder of its own: {@link #play} runs it, and whatever way it
 * ends (its end, a failure, Ctrl-C) it is stopped and its temporary folder removed unless
 * something did not behave, when the logs are worth keeping.
 */
interface PlayedDemo {
    /** Plays everything; true when every step behaved. */
    boolean play() throws IOException, InterruptedException;

    /** Stops everything it started; safe to call twice and from a shutdown hook. */
    void stop();

    /** Whether something did not behave. */
    boolean failed();

    /** How a demo is made for its folder. */
    @FunctionalInterface
    interface Maker {
        PlayedDemo make(Path folder, Console console, Clock clock) throws IOException;
    }

    /**
     * Plays the demo {@code maker} makes in {@code dir}, or in a temporary folder named after
     * {@code name} when {@code dir} is null; the command's exit code.
     */
    static int run(String name, Path dir, PrintWriter out, Maker maker)
            throws IOException, InterruptedException {
        boolean temporary = dir == null;
        Path folder = temporary
                ? Files.createTempDirectory("bramble-demo-" + name + "-")
                : Files.createDirectories(dir).toAbsolutePath();
        Clock clock = Clock.system();
        PlayedDemo demo = maker.make(folder, new Console(out, clock), clock);
        Runnable end = () -> {
            demo.stop();
            if (temporary && !demo.failed()) {
                DemoFolders.delete(folder);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(end, "bramble-demo-" + name
                + "-stop"));
        boolean behaved = false;
        try {
            behaved = demo.play();
        } finally {
            end.run();
        }
        return behaved ? 0 : UserError.EXIT_RUNTIME;
    }
}
