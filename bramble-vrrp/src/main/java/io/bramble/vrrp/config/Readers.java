package io.bramble.vrrp.config;

import io.bramble.common.config.Args;
import io.bramble.vrrp.core.VrrpVersion;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Value readers shared by the keepalived keyword tables. */
public final class Readers {
    /** Linux's IFNAMSIZ less the terminating zero. */
    static final int INTERFACE_NAME_CHARS_MAX = 15;
    static final int COMMAND_WORDS_MAX = 64;

    private Readers() {
    }

    /** keepalived's durations: seconds, with decimals ({@code 0.1}) or a unit. */
    static long millis(Args args, String what, Duration min, Duration max) {
        return args.duration(what, min, max, ChronoUnit.SECONDS).toMillis();
    }

    static VrrpVersion version(Args args) {
        int number = args.integer("a VRRP version", 2, 3);
        return VrrpVersion.ofNumber(number);
    }

    static Inet4Address ipv4(Args args, String what) {
        InetAddress address = args.inetAddress(what);
        if (address instanceof Inet4Address ipv4) {
            return ipv4;
        }
        throw args.fail("IPv6 is not supported by bramble's VRRP yet; expected an IPv4 "
                + "address, got '" + address.getHostAddress() + "'");
    }

    static String interfaceName(Args args) {
        String name = args.next("an interface name such as eth0");
        if (name.length() > INTERFACE_NAME_CHARS_MAX || name.contains("/")) {
            throw args.fail("an interface name has at most " + INTERFACE_NAME_CHARS_MAX
                    + " characters and no '/', got " + Args.quote(name));
        }
        return name;
    }

    /** {@code MASTER} or {@code BACKUP}, in any case as keepalived reads them. */
    static InitialState state(Args args) {
        String word = args.next("MASTER or BACKUP");
        try {
            return InitialState.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw args.unexpected("MASTER or BACKUP", word);
        }
    }

    /**
     * keepalived's {@code SCRIPT [USER [GROUP]]}: the script is one word, quoted when it has
     * arguments ({@code "killall -0 haproxy"}), split on blanks outside single or double
     * quotes.
     */
    public static Command command(Args args, boolean userAllowed) {
        List<String> words = split(args, args.next("a script (quoted when it has arguments)"));
        String user = "";
        if (userAllowed && args.hasNext()) {
            user = args.next("a user name");
            if (args.hasNext()) {
                user += ":" + args.next("a group name");
            }
        }
        args.end();
        return new Command(words, user);
    }

    /**
     * A {@code notify*} script: as in keepalived, the first one given in a block is kept and a
     * later one of the same kind is ignored with a warning.
     */
    static Command notifyScript(Command current, Args args) {
        if (!current.isEmpty()) {
            args.rest();
            args.warning("already set above in this block; this one is ignored and the first "
                    + "kept, as in keepalived");
            return current;
        }
        return command(args, true);
    }

    static List<String> split(Args args, String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw args.fail("the script has an unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty() || words.size() > COMMAND_WORDS_MAX) {
            throw args.fail("expected a script of 1 to " + COMMAND_WORDS_MAX + " words, got "
                    + words.size());
        }
        return List.copyOf(words);
    }

    /** {@code weight W [reverse|no_reverse]} after a tracked name. */
    static int[] weight(Args args, int min, int max) {
        int weight = 0;
        boolean reverse = false;
        boolean weighted = false;
        while (args.hasNext()) {
            String word = args.next("weight or reverse");
            switch (word) {
                case "weight" -> {
                    weight = args.integer("a weight", min, max);
                    weighted = true;
                }
                case "reverse" -> reverse = true;
                case "no_reverse", "noreverse" -> reverse = false;
                default -> throw args.unexpected("'weight N', 'reverse' or nothing", word);
            }
        }
        return new int[]{weight, reverse ? 1 : 0, weighted ? 1 : 0};
    }
}
