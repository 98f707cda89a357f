package io.bramble.cluster.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The meta attributes that govern a resource, resolved as Pacemaker resolves them: the
 * resource's own value, else its group's, else {@code rsc_defaults}, else Pacemaker's default.
 *
 * @param started whether {@code target-role} lets it run ({@code Started}, the default) or
 *     not ({@code Stopped})
 * @param managed {@code is-managed}: when false the cluster neither starts nor stops it
 * @param stickiness {@code resource-stickiness}: preference for the node it runs on (0)
 * @param migrationThreshold failures on a node after which it may not run there (INFINITY;
 *     0 means never)
 * @param failureTimeoutSeconds after how long a failure is forgotten (0: never)
 * @param priority which resources are placed first when not all can run (0)
 */
public record ResourceMeta(boolean started, boolean managed, int stickiness,
        int migrationThreshold, long failureTimeoutSeconds, int priority) {

    /** The meta attribute names bramble implements. */
    public static final List<String> NAMES = List.of("target-role", "is-managed",
            "resource-stickiness", "migration-threshold", "failure-timeout", "priority");

    /** Meta attributes of a resource {@code layers}, most specific first. */
    public static ResourceMeta resolve(List<Map<String, String>> layers) {
        Function<String, Optional<String>> get = name -> layers.stream()
                .map(m -> m.get(name)).filter(v -> v != null).findFirst();
        return new ResourceMeta(
                get.apply("target-role").map(v -> !v.equalsIgnoreCase("Stopped")).orElse(true),
                get.apply("is-managed").map(ResourceMeta::isTrue).orElse(true),
                get.apply("resource-stickiness").flatMap(Score::parse).orElse(0),
                get.apply("migration-threshold").flatMap(Score::parse).orElse(Score.INFINITY),
                get.apply("failure-timeout").map(v -> Interval.parseMs(v).orElse(0) / 1000)
                        .orElse(0L),
                get.apply("priority").flatMap(Score::parse).orElse(0));
    }

    /**
     * Why {@code value} is not one bramble takes for meta attribute {@code name}, or empty when
     * it is fine.
     */
    public static Optional<String> problem(String name, String value) {
        String v = value.strip();
        return switch (name) {
            case "target-role" -> List.of("started", "stopped").contains(v.toLowerCase(Locale.ROOT))
                    ? Optional.empty()
                    : Optional.of("target-role " + v + " is not supported (Started or Stopped)");
            case "is-managed" -> boolValue(v).isPresent()
                    ? Optional.empty()
                    : Optional.of("is-managed must be true or false, got " + v);
            case "resource-stickiness", "priority" -> Score.parse(v).isPresent()
                    ? Optional.empty()
                    : Optional.of(name + " must be a score (an integer or INFINITY), got " + v);
            case "migration-threshold" -> Score.parse(v).filter(s -> s >= 0).isPresent()
                    ? Optional.empty()
                    : Optional.of("migration-threshold must be 0 or more, got " + v);
            case "failure-timeout" -> Interval.parseMs(v).isPresent()
                    ? Optional.empty()
                    : Optional.of("failure-timeout must be a duration (60s, 10min), got " + v);
            default -> Optional.of("meta attribute " + name + " is not supported (supported: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** Pacemaker's booleans: true/yes/on/y/1 and false/no/off/n/0, any case. */
    public static Optional<Boolean> boolValue(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y", "1" -> Optional.of(true);
            case "false", "no", "off", "n", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static boolean isTrue(String value) {
        return boolValue(value).orElse(false);
    }
}
