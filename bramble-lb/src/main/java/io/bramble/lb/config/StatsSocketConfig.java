package io.bramble.lb.config;

import io.bramble.common.net.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code stats socket ADDRESS [mode OCTAL] [level user|operator|admin]} line of the
 * global section: where the runtime API listens.
 *
 * @param path a unix socket path; empty when {@code tcp} is set
 * @param tcp {@code ADDRESS:PORT} for a TCP socket; empty for a unix socket
 * @param mode file permissions of a unix socket ({@code mode 600}); empty leaves the umask's
 * @param level what commands may do, HAProxy's default {@code operator}
 * @param location where it was written
 */
public record StatsSocketConfig(Optional<String> path, Optional<HostPort> tcp, OptionalInt mode,
        Level level, ConfigLocation location) {

    /** HAProxy's runtime API levels: each allows what the lower ones do. */
    public enum Level {
        /** Reads statistics and states. */
        USER,
        /** Also harmless changes; HAProxy's default. */
        OPERATOR,
        /** Everything, such as taking servers out of rotation. */
        ADMIN
    }

    /** Largest value of {@code mode}: every permission bit. */
    public static final int MODE_MAX = 0777;

    public StatsSocketConfig {
        if (path.isPresent() == tcp.isPresent()) {
            throw new IllegalArgumentException("a stats socket is a unix path or a TCP address");
        }
        if (mode.isPresent() && (mode.getAsInt() < 0 || mode.getAsInt() > MODE_MAX)) {
            throw new IllegalArgumentException("mode must be 0 to 0777, got " + mode);
        }
    }

    /** The line's arguments again, as written (kept stable for the parser's data tests). */
    @Override
    public String toString() {
        List<String> words = new ArrayList<>();
        words.add(path.orElseGet(() -> tcp.orElseThrow().toString()));
        mode.ifPresent(m -> words.add("mode " + Integer.toOctalString(m)));
        if (level != Level.OPERATOR) {
            words.add("level " + level.name().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(" ", words);
    }
}
