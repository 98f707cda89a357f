package io.bramble.fs.volume.option;

import io.bramble.fs.stripe.StripeGeometry;
import io.bramble.fs.volume.VolumeStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks options use: on/off, numbers in a range, a choice of words, and the like. */
final class OptionChecks {
    /** What Gluster reads as on and off, in any case. */
    private static final List<String> TRUE_WORDS = List.of("on", "yes", "true", "enable", "1");
    private static final List<String> FALSE_WORDS = List.of("off", "no", "false", "disable",
            "0");
    private static final Pattern PERCENT = Pattern.compile("(100|[1-9]?[0-9])%");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,15}(KB|MB|GB|TB)?",
            Pattern.CASE_INSENSITIVE);
    /** An address, a host name or a pattern of them with {@code *}, or a network in CIDR. */
    private static final Pattern CLIENT = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9.*:_/-]*");
    /** Most clients in one {@code auth.allow}. */
    static final int CLIENTS_MAX = 64;

    private OptionChecks() {
    }

    /** Whether {@code value} is one of the on words. */
    static boolean isOn(String value) {
        return TRUE_WORDS.contains(value.toLowerCase(Locale.ROOT));
    }

    static OptionCheck onOff() {
        return (value, volume) -> isOn(value) || FALSE_WORDS.contains(value.toLowerCase(
                Locale.ROOT))
                        ? Optional.empty()
                        : Optional.of("on or off");
    }

    static OptionCheck onlyOn(String why) {
        return (value, volume) -> isOn(value)
                ? Optional.empty()
                : Optional.of("on (" + why
                        + ")");
    }

    static OptionCheck integer(long min, long max, String unit) {
        return (value, volume) -> inRange(value, min, max)
                ? Optional.empty()
                : Optional.of(unit + " from " + min + " to " + max);
    }

    /** Seconds, with decimals allowed ({@code 1.5}), from {@code min} to {@code max}. */
    static OptionCheck seconds(double min, double max) {
        return (value, volume) -> {
            try {
                double seconds = Double.parseDouble(value);
                if (value.matches("[0-9]{1,4}(\\.[0-9]{1,3})?") && seconds >= min
                        && seconds <= max) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            return Optional.of("seconds from " + shown(min) + " to " + shown(max)
                    + " (decimals allowed)");
        };
    }

    private static String shown(double seconds) {
        return seconds == Math.rint(seconds)
                ? Long.toString((long) seconds)
                : Double.toString(
                        seconds);
    }

    /** The milliseconds a value that {@link #seconds} accepted stands for. */
    static long millis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }

    static OptionCheck choice(String... words) {
        List<String> allowed = Arrays.asList(words);
        return (value, volume) -> allowed.contains(value.toLowerCase(Locale.ROOT))
                ? Optional.empty()
                : Optional.of("one of " + String.join(", ", allowed));
    }

    /** A count of a replica set's bricks: 1 up to the volume's replica count. */
    static OptionCheck replicaCount() {
        return (value, volume) -> inRange(value, 1, volume.replicaCount())
                ? Optional.empty()
                : Optional.of("a count from 1 to the replica count, "
                        + volume.replicaCount());
    }

    /** A share of a brick's disk ({@code 10%}) or a size ({@code 5GB}, bytes without unit). */
    static OptionCheck percentOrSize() {
        return (value, volume) -> PERCENT.matcher(value).matches() || SIZE.matcher(value)
                .matches()
                        ? Optional.empty()
                        : Optional.of("a percentage (10%) or a size (5GB)");
    }

    /** Comma-separated clients: addresses, host names, {@code *} patterns or CIDR networks. */
    static OptionCheck clients() {
        return (value, volume) -> {
            String[] items = value.split(",", -1);
            boolean fine = items.length <= CLIENTS_MAX && Arrays.stream(items)
                    .allMatch(i -> CLIENT.matcher(i).matches());
            return fine
                    ? Optional.empty()
                    : Optional.of("a comma-separated list of at most "
                            + CLIENTS_MAX + " addresses, host names, patterns with * or networks"
                            + " (192.168.1.*,10.0.0.0/8)");
        };
    }

    /**
     * A stripe block size in Gluster's units ({@code 128KB}, {@code 1MB}, bytes without
     * unit; a KB is 1024 bytes): at least Gluster's 16KB, whole 512-byte sectors, at most
     * bramble's bound. It is set on a stripe volume before its first start: the files striped
     * afterwards are read with the block they were written with, so it cannot change then.
     */
    static OptionCheck stripeBlockSize() {
        return (value, volume) -> {
            if (volume.stripeCount() < 2) {
                return Optional.of("a stripe volume (" + volume.name() + " is "
                        + volume.type().shown() + ")");
            }
            if (volume.status() != VolumeStatus.CREATED) {
                return Optional.of("a volume never started: files already striped keep the"
                        + " block they were written with");
            }
            long bytes = sizeBytes(value);
            return bytes >= StripeGeometry.BLOCK_SIZE_MIN_BYTES
                    && bytes <= StripeGeometry.BLOCK_SIZE_MAX_BYTES
                    && bytes % StripeGeometry.BLOCK_SIZE_UNIT_BYTES == 0
                            ? Optional.empty()
                            : Optional.of("a size from 16KB to 1GB in whole 512-byte sectors");
        };
    }

    /** The bytes of a size such as {@code 128KB} (units of 1024); -1 when it is none. */
    static long sizeBytes(String value) {
        if (!SIZE.matcher(value).matches()) {
            return -1;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        int shift = upper.endsWith("KB")
                ? 10
                : upper.endsWith("MB")
                        ? 20
                        : upper.endsWith("GB")
                                ? 30
                                : upper.endsWith("TB") ? 40 : 0;
        long number = Long.parseLong(shift == 0 ? upper : upper.substring(0, upper.length() - 2));
        return number > Long.MAX_VALUE >> shift ? -1 : number << shift;
    }

    private static boolean inRange(String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
