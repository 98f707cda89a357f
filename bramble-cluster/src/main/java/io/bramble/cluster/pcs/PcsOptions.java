package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pcs command line split as pcs's option parser splits it: options may stand anywhere among
 * the words ({@code pcs resource create A Dummy --group G} or {@code pcs -f cib.xml …}).
 *
 * @param words the words that are not options, in order
 * @param file {@code -f FILE}: the CIB file to work on instead of the live cluster
 * @param flags the options without a value that were given ({@code --force})
 * @param values the options with a value that were given ({@code --group G})
 */
public record PcsOptions(List<String> words, Optional<String> file, Set<String> flags,
        Map<String, String> values) {
    /** Options without a value that bramble takes, as pcs spells them. */
    static final Set<String> FLAGS = Set.of("--force", "--disabled", "--full", "--all",
            "--no-default-ops", "--monitor");
    /** Options with a value. */
    static final Set<String> VALUED = Set.of("--group", "--before", "--after");
    /** Set when a negative number stood among the words without {@code --} before it. */
    static final String BARE_NEGATIVE = "bare negative number";
    /** pcs's warning for such a number. */
    static final String BARE_NEGATIVE_WARNING = "Deprecation Warning: Using '%s' without '--' "
            + "is deprecated, those parameters will be considered position independent "
            + "options in future pcs versions";
    /** pcs options bramble knows but does not support. */
    static final Set<String> UNSUPPORTED = Set.of("--wait", "--agent-validation",
            "--corosync_conf", "--debug", "--safe", "--simulate");

    public PcsOptions {
        words = List.copyOf(words);
        flags = Set.copyOf(flags);
        values = Map.copyOf(values);
    }

    /** Splits {@code args}; an option bramble does not take is an error naming it. */
    public static PcsOptions parse(List<String> args) {
        List<String> words = new ArrayList<>();
        Optional<String> file = Optional.empty();
        Set<String> flags = new java.util.HashSet<>();
        Map<String, String> values = new java.util.HashMap<>();
        boolean rest = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (rest || arg.equals("--")) {
                if (rest) {
                    words.add(arg);
                }
                rest = true;
                continue;
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("-f")) {
                file = Optional.of(next(args, ++i, arg));
            } else if (arg.startsWith("-f") && !isScore(arg)) {
                file = Optional.of(arg.substring(2));
            } else if (FLAGS.contains(arg)) {
                flags.add(arg);
            } else if (VALUED.contains(option)) {
                values.put(option, option.equals(arg)
                        ? next(args, ++i, arg)
                        : arg.substring(option.length() + 1));
            } else if (UNSUPPORTED.contains(option)) {
                throw new PcsException("option '" + option + "' is not supported by bramble");
            } else if (isScore(arg)) {
                words.add(arg);
                values.putIfAbsent(BARE_NEGATIVE, arg);
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new PcsException("option '" + arg + "' is not known; "
                        + "run 'bramble help' for the options bramble takes");
            } else {
                words.add(arg);
            }
        }
        return new PcsOptions(words, file, flags, values);
    }

    /**
     * Whether {@code args} name a CIB file ({@code -f FILE}), without judging their other
     * options: a line without one goes to the live cluster, which reads the rest.
     */
    public static boolean namesFile(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("-f") || arg.startsWith("-f") && !isScore(arg)) {
                return true;
            }
        }
        return false;
    }

    /** A negative score ({@code -INFINITY}, {@code -100}) is a word, not an option. */
    private static boolean isScore(String arg) {
        return arg.startsWith("-") && (arg.startsWith("-INFINITY") || arg.startsWith("-inf")
                || arg.length() > 1 && Character.isDigit(arg.charAt(1)));
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new PcsException("option " + option + " requires an argument");
        }
        return args.get(i);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }
}
