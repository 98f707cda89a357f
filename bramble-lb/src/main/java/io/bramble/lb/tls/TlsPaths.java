package io.bramble.lb.tls;

import java.nio.file.Path;
import java.util.Optional;

/** HAProxy's {@code crt-base} and {@code ca-base}: where relative file names start from. */
public final class TlsPaths {
    private TlsPaths() {
    }

    public static Path resolve(String file, Optional<String> base) {
        Path path = Path.of(file);
        return path.isAbsolute() || base.isEmpty() ? path : Path.of(base.get()).resolve(path);
    }
}
