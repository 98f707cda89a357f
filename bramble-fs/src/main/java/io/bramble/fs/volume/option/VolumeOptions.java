package io.bramble.fs.volume.option;

import static io.bramble.fs.volume.option.OptionChecks.choice;
import static io.bramble.fs.volume.option.OptionChecks.clients;
import static io.bramble.fs.volume.option.OptionChecks.integer;
import static io.bramble.fs.volume.option.OptionChecks.onOff;
import static io.bramble.fs.volume.option.OptionChecks.onlyOn;
import static io.bramble.fs.volume.option.OptionChecks.percentOrSize;
import static io.bramble.fs.volume.option.OptionChecks.replicaCount;
import static io.bramble.fs.volume.option.OptionChecks.seconds;
import static io.bramble.fs.volume.option.OptionChecks.stripeBlockSize;

import io.bramble.common.config.Suggestions;
import io.bramble.fs.heal.FavoriteChildPolicy;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.access.ClientAccess;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options bramble takes in {@code volume set}, by Gluster's names, and only those the file
 * system honours (now or once the part that reads them is there: {@link VolumeOption#inEffect}
 * says which). An option Gluster has and bramble would ignore is refused rather than accepted
 * and silently dropped.
 */
public final class VolumeOptions {
    /** Longest value of any option, in characters. */
    public static final int VALUE_CHARS_MAX = 1024;
    /** bramble's {@code network.ping-timeout}: a hung brick stalls writers at most this. */
    public static final String PING_TIMEOUT_DEFAULT = "1.5";
    /** How self-heal settles files in split-brain ({@link FavoriteChildPolicy}). */
    public static final String FAVORITE_CHILD_POLICY = "cluster.favorite-child-policy";
    /** The size of a stripe's blocks ({@link io.bramble.fs.stripe.StripeGeometry}). */
    public static final String STRIPE_BLOCK_SIZE = "cluster.stripe-block-size";
    /** Clients that may use the volume's bricks ({@link ClientAccess}). */
    public static final String AUTH_ALLOW = "auth.allow";
    /** Clients that may not, even when {@link #AUTH_ALLOW} names them. */
    public static final String AUTH_REJECT = "auth.reject";
    /** Whether each brick times its operations; set by {@code volume profile start}. */
    public static final String LATENCY_MEASUREMENT = "diagnostics.latency-measurement";
    /** Whether each brick counts its operations; set by {@code volume profile start}. */
    public static final String COUNT_FOP_HITS = "diagnostics.count-fop-hits";
    /** What {@code volume get} prints after a value the volume has not set. */
    public static final String DEFAULT_MARK = " (DEFAULT)";

    private static final String TLS_ALWAYS = "bramble's bricks and mount clients always talk"
            + " TLS with the pool's certificates";

    private static final List<VolumeOption> TABLE = List.of(
            option(AUTH_ALLOW, "*", clients(), "Clients that may mount the volume:"
                    + " addresses, host names, patterns with * or networks.", true),
            option(AUTH_REJECT, ClientAccess.NOBODY, clients(), "Clients that may not mount"
                    + " the volume, even when auth.allow names them.", true),
            option("client.ssl", "on", onlyOn(TLS_ALWAYS), "Always on: mount clients reach"
                    + " the bricks over TLS with the pool's certificates.", true),
            option(FAVORITE_CHILD_POLICY, FavoriteChildPolicy.NONE.value(), choice(Arrays
                    .stream(FavoriteChildPolicy.values()).map(FavoriteChildPolicy::value)
                    .toArray(String[]::new)), "How self-heal settles a file in split-brain by"
                            + " itself: the biggest copy (size), the newest (ctime, mtime) or"
                            + " the one most copies agree with (majority); none leaves it for"
                            + " 'volume heal NAME split-brain'.",
                    true),
            option("cluster.min-free-disk", "10%", percentOrSize(), "New files avoid a"
                    + " replica set whose bricks have less free space than this.", false),
            new VolumeOption("cluster.quorum-type", v -> v.replicaCount() >= 3 ? "auto" : "none",
                    choice("none", "auto", "fixed"), "Writes need this many bricks of a"
                            + " replica set up: none, a majority (auto) or"
                            + " cluster.quorum-count (fixed).",
                    true),
            option("cluster.quorum-count", "(null)", replicaCount(), "Bricks of a replica set"
                    + " that must be up for writes when cluster.quorum-type is fixed.", true),
            option(STRIPE_BLOCK_SIZE, "128KB", stripeBlockSize(), "Size of the blocks a"
                    + " stripe volume deals its files in, round-robin over its replica sets;"
                    + " set before the volume's first start.", true),
            option(COUNT_FOP_HITS, "off", onOff(), "Bricks count each file operation for"
                    + " 'volume profile' (set by 'volume profile NAME start').", true),
            option(LATENCY_MEASUREMENT, "off", onOff(), "Bricks time each file operation for"
                    + " 'volume profile' (set by 'volume profile NAME start').", true),
            option("network.ping-timeout", PING_TIMEOUT_DEFAULT, seconds(0.5, 1013), "Seconds"
                    + " a client waits for a silent brick (one that answers neither a call nor"
                    + " a ping) before it goes on without it; Gluster's default is 42.", true),
            option("nfs.disable", "on", onlyOn("bramble has no NFS server"), "Always on:"
                    + " volumes are reached through 'bramble mount'.", true),
            option("performance.flush-behind", "on", onOff(), "Kept for Gluster's files:"
                    + " bramble's close() always returns after the bricks have every write,"
                    + " as Gluster's does with off.", true),
            option("performance.stat-prefetch", "on", onOff(), "Clients cache the attributes"
                    + " of files and names for 1 s (off: they ask the bricks each time).", true),
            option("performance.write-behind", "on", onOff(), "Clients gather small writes"
                    + " in the kernel's cache before sending them (off: each write(2) goes to"
                    + " the bricks before it returns).", true),
            option("server.ssl", "on", onlyOn(TLS_ALWAYS), "Always on: bricks serve only"
                    + " clients that show a certificate of the pool.", true),
            option("storage.owner-gid", "-1", integer(-1, Integer.MAX_VALUE, "a group id"),
                    "Group of each brick's root folder (-1: left as it is).", true),
            option("storage.owner-uid", "-1", integer(-1, Integer.MAX_VALUE, "a user id"),
                    "Owner of each brick's root folder (-1: left as it is).", true));

    private VolumeOptions() {
    }

    private static VolumeOption option(String name, String defaultValue, OptionCheck check,
            String description, boolean inEffect) {
        Function<VolumeSpec, String> fixed = v -> defaultValue;
        return new VolumeOption(name, fixed, check, description, inEffect);
    }

    /**
     * Whether on/off option {@code name} is on for {@code volume}: its value, or its default
     * when the volume has not set it.
     */
    public static boolean isOn(VolumeSpec volume, String name) {
        VolumeOption option = resolve(name).orElseThrow(() -> new IllegalArgumentException(
                "no option " + name));
        String value = volume.options().get(option.name());
        return OptionChecks.isOn(value != null ? value : option.defaultValue().apply(volume));
    }

    /**
     * Whether the bricks of {@code volume} keep a profile: {@code volume profile start} sets
     * both diagnostics options, and either one set on alone starts it too.
     */
    public static boolean profiled(VolumeSpec volume) {
        return isOn(volume, LATENCY_MEASUREMENT) || isOn(volume, COUNT_FOP_HITS);
    }

    /** {@code network.ping-timeout} of {@code volume}, in milliseconds. */
    public static long pingTimeoutMs(VolumeSpec volume) {
        String value = volume.options().get("network.ping-timeout");
        return OptionChecks.millis(value != null ? value : PING_TIMEOUT_DEFAULT);
    }

    /** {@code cluster.stripe-block-size} of {@code volume}, in bytes. */
    public static int stripeBlockSizeBytes(VolumeSpec volume) {
        return (int) OptionChecks.sizeBytes(value(STRIPE_BLOCK_SIZE, volume));
    }

    /** {@code cluster.favorite-child-policy} of {@code volume}. */
    public static FavoriteChildPolicy favoriteChildPolicy(VolumeSpec volume) {
        return FavoriteChildPolicy.of(value(FAVORITE_CHILD_POLICY, volume)).orElse(
                FavoriteChildPolicy.NONE);
    }

    /** Every option, by name. */
    public static List<VolumeOption> all() {
        return TABLE.stream().sorted(Comparator.comparing(VolumeOption::name)).toList();
    }

    /**
     * The option {@code typed} names: its full name, or the part after the first dot when
     * only one option has it ({@code ping-timeout}), as Gluster takes them.
     */
    public static Optional<VolumeOption> resolve(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        Optional<VolumeOption> exact = TABLE.stream().filter(o -> o.name().equals(lower))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<VolumeOption> byKey = TABLE.stream().filter(o -> o.key().equals(lower)).toList();
        return byKey.size() == 1 ? Optional.of(byKey.getFirst()) : Optional.empty();
    }

    /** Options {@code typed} may have meant, closest first; empty when none is close. */
    public static List<String> nearest(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        List<String> names = TABLE.stream().map(VolumeOption::name).toList();
        List<String> byKey = TABLE.stream().filter(o -> o.key().equals(lower))
                .map(VolumeOption::name).toList();
        if (!byKey.isEmpty()) {
            return byKey;
        }
        Optional<String> close = Suggestions.closest(lower, names);
        if (close.isPresent()) {
            return List.of(close.get());
        }
        String key = lower.substring(lower.indexOf('.') + 1);
        return Suggestions.closest(key, TABLE.stream().map(VolumeOption::key).toList())
                .flatMap(k -> TABLE.stream().filter(o -> o.key().equals(k)).findFirst())
                .map(o -> List.of(o.name())).orElse(List.of());
    }

    /** Gluster's answer to an option it does not have, with the names meant if any. */
    public static String unknown(String typed) {
        List<String> near = nearest(typed);
        return "option : " + typed + " does not exist" + (near.isEmpty()
                ? ""
                : "\nDid you mean " + String.join(" or ", near) + "?");
    }

    /** Why {@code value} does not suit {@code option} on {@code volume}; empty if it does. */
    public static Optional<String> problem(VolumeOption option, String value,
            VolumeSpec volume) {
        if (value.isEmpty() || value.length() > VALUE_CHARS_MAX || value.chars().anyMatch(
                c -> c < 0x21 || c == 0x7f)) {
            return Optional.of("'" + value + "' is not a valid value for " + option.name()
                    + ": expected at most " + VALUE_CHARS_MAX + " printable characters,"
                    + " without spaces");
        }
        return option.check().problem(value, volume).map(expected -> "'" + value
                + "' is not a valid value for " + option.name() + ": expected " + expected);
    }

    /** The value {@code option} has on {@code volume}, and whether it is the default. */
    public static String shown(VolumeOption option, VolumeSpec volume) {
        String set = volume.options().get(option.name());
        return set != null ? set : option.defaultValue().apply(volume) + DEFAULT_MARK;
    }

    /**
     * The options a new volume starts with, shown under {@code Options Reconfigured:} as
     * Gluster shows the ones it sets at create; only those bramble really applies.
     */
    public static Map<String, String> atCreate() {
        return Map.of("nfs.disable", "on");
    }

    /** The value of {@code name} on {@code volume}, set or default. */
    public static String value(String name, VolumeSpec volume) {
        VolumeOption option = resolve(name).orElseThrow(() -> new IllegalArgumentException(
                "no option " + name));
        String set = volume.options().get(option.name());
        return set != null ? set : option.defaultValue().apply(volume);
    }
}
