package io.bramble.testkit.process;

import io.bramble.common.check.Checks;
import io.bramble.common.net.HostPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to start: a process's name in reports, its command, extra environment, where its output
 * goes and, when it serves one, the address and port that say it is ready.
 *
 * @param name short name shown in reports, such as {@code web1}
 * @param command the program and its arguments
 * @param environment variables added to this JVM's environment
 * @param logFile receives stdout and stderr; its folder is created
 * @param endpoint the address and port the process listens on, if any
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment,
        Path logFile, Optional<HostPort> endpoint) {
    public ProcessSpec {
        Checks.argument(name != null && !name.isBlank(), "a process needs a name");
        Checks.argument(command != null && !command.isEmpty(), name + ": empty command");
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        Checks.argument(logFile != null, name + ": no log file");
        endpoint = endpoint == null ? Optional.empty() : endpoint;
    }
}
