package io.bramble.lb.config;

import java.util.List;

/**
 * A proxy's {@code compression} lines. A backend's algorithms, and its types, win over the
 * frontend's when it has some; {@code offload} applies when either says it, as in HAProxy.
 *
 * @param algorithms {@code compression algo}, in the order written; empty when not set
 * @param types {@code compression type}: Content-Type prefixes compressed; empty for any type
 * @param offload {@code compression offload}: the servers do not see Accept-Encoding
 */
public record CompressionConfig(List<CompressionAlgorithm> algorithms, List<String> types,
        boolean offload) {
    /** No {@code compression} line. */
    public static final CompressionConfig NONE = new CompressionConfig(List.of(), List.of(),
            false);

    public CompressionConfig {
        algorithms = List.copyOf(algorithms);
        types = List.copyOf(types);
    }
}
