package io.bramble.testkit.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of a {@code bramble} process. By default: this JVM's own {@code java}
 * binary with this JVM's class path, which must hold bramble-cli (bramble-it's does), running
 * {@value #MAIN_CLASS}. Set {@value #LAUNCHER_PROPERTY} to a {@code bin/bramble} to test the
 * launcher script instead.
 *
 * @param launcher {@code bin/bramble} to run, or empty for this JVM's {@code java}
 * @param jvmOptions options for the child JVM; ignored with a launcher script
 */
public record BrambleLauncher(String launcher, List<String> jvmOptions) {
    /** System property: path to a launcher script such as {@code bin/bramble}. */
    public static final String LAUNCHER_PROPERTY = "bramble.launcher";
    /** System property: JVM options for bramble processes, separated by spaces. */
    public static final String JVM_OPTIONS_PROPERTY = "bramble.testkit.jvmOptions";
    public static final String MAIN_CLASS = "io.bramble.cli.Main";
    /**
     * Options that keep many small test JVMs cheap on a two-core machine: a small heap, the
     * serial collector and only the quick compiler, which starts fastest. Netty may use
     * sun.misc.Unsafe, as under {@code bin/bramble}, so tests run the production buffer code.
     */
    public static final String JVM_OPTIONS_DEFAULT = "-Xmx256m -XX:+UseSerialGC"
            + " -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED"
            + " --sun-misc-unsafe-memory-access=allow";

    public BrambleLauncher {
        launcher = launcher == null ? "" : launcher;
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The launcher the system properties ask for, else this JVM's java and class path. */
    public static BrambleLauncher fromSystemProperties() {
        String options = System.getProperty(JVM_OPTIONS_PROPERTY, JVM_OPTIONS_DEFAULT).strip();
        List<String> jvmOptions = options.isEmpty()
                ? List.of()
                : Arrays.asList(options.split("\\s+"));
        return new BrambleLauncher(System.getProperty(LAUNCHER_PROPERTY, ""), jvmOptions);
    }

    /** The full command that runs {@code bramble ARGS}. */
    public List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        if (!launcher.isEmpty()) {
            if (!Files.isExecutable(Path.of(launcher))) {
                throw new IllegalStateException(LAUNCHER_PROPERTY + "=" + launcher
                        + " is not an executable file");
            }
            command.add(launcher);
        } else {
            if (ClassLoader.getSystemResource(MAIN_CLASS.replace('.', '/') + ".class") == null) {
                throw new IllegalStateException(MAIN_CLASS + " is not on this JVM's class path;"
                        + " add bramble-cli as a test dependency or set -D" + LAUNCHER_PROPERTY
                        + "=path/to/bin/bramble");
            }
            command.add(javaBinary());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(MAIN_CLASS);
        }
        command.addAll(args);
        return List.copyOf(command);
    }

    /** The java binary running this JVM, so children use the same JDK. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
