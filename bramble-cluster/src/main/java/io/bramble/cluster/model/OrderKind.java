package io.bramble.cluster.model;

import java.util.Locale;
import java.util.Optional;

/** How strictly an order constraint binds ({@code kind=}). */
public enum OrderKind {
    /** The then-resource starts only after the first started, and restarts when it does. */
    MANDATORY,
    /** Only when both act in the same transition is the order kept. */
    OPTIONAL,
    /** The two never start or stop at the same time, in either order. */
    SERIALIZE;

    /** The kind named {@code value} as the CIB or pcs writes it, any case. */
    public static Optional<OrderKind> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "mandatory" -> Optional.of(MANDATORY);
            case "optional" -> Optional.of(OPTIONAL);
            case "serialize" -> Optional.of(SERIALIZE);
            default -> Optional.empty();
        };
    }

    /** {@code Mandatory}, {@code Optional} or {@code Serialize}, as the CIB writes it. */
    public String value() {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
