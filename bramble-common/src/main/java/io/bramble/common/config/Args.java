package io.bramble.common.config;

import io.bramble.common.check.Checks;
import io.bramble.common.net.Cidr;
import io.bramble.common.net.HostPort;
import io.bramble.common.net.IpAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A cursor over the arguments of one config line, after its keyword. The typed readers check
 * bounds and throw a {@link ConfigError} saying what was expected and what was found; the
 * keyword table adds file, line and keyword. Handlers may also record errors and warnings
 * and carry on.
 */
public final class Args {
    /** Longest piece of user text quoted back in a message. */
    private static final int QUOTED_CHARS_MAX = 80;

    private final ConfigLine line;
    private final int keywordWords;
    private final Diagnostics diagnostics;
    private final List<ConfigBlock> block;
    private final boolean hasBlock;
    private int position;
    private boolean blockRead;

    /**
     * @param line the whole line
     * @param keywordWords how many leading words form the keyword ({@code timeout connect}: 2)
     * @param diagnostics where {@link #warning} and {@link #error} go
     */
    public Args(ConfigLine line, int keywordWords, Diagnostics diagnostics) {
        this(line, keywordWords, diagnostics, List.of(), false);
    }

    /** Arguments of a keepalived statement, with the statements of its braces. */
    public Args(ConfigLine line, int keywordWords, Diagnostics diagnostics,
            List<ConfigBlock> block, boolean hasBlock) {
        Checks.argument(keywordWords >= 1 && keywordWords <= line.words().size(),
                "keyword words must be 1 to " + line.words().size() + ", got " + keywordWords);
        this.line = line;
        this.keywordWords = keywordWords;
        this.diagnostics = diagnostics;
        this.block = List.copyOf(block);
        this.hasBlock = hasBlock;
        this.position = keywordWords;
    }

    /** The keyword as written, several words for {@code timeout connect}. */
    public String keyword() {
        return String.join(" ", line.words().subList(0, keywordWords));
    }

    public Location where() {
        return line.where();
    }

    public boolean hasNext() {
        return position < line.words().size();
    }

    /** The next word without consuming it. */
    public Optional<String> peek() {
        return hasNext() ? Optional.of(line.words().get(position)) : Optional.empty();
    }

    /** Consumes the next word when it equals {@code word}. */
    public boolean nextIf(String word) {
        if (hasNext() && line.words().get(position).equals(word)) {
            position++;
            return true;
        }
        return false;
    }

    /** The next word; {@code what} names it in the error when there is none. */
    public String next(String what) {
        if (!hasNext()) {
            throw fail("expected " + what + ", got nothing");
        }
        return line.words().get(position++);
    }

    /** The words not read yet, left unread. */
    public List<String> remaining() {
        return List.copyOf(line.words().subList(position, line.words().size()));
    }

    /** Every remaining word, consumed. */
    public List<String> rest() {
        List<String> rest = line.words().subList(position, line.words().size());
        position = line.words().size();
        return List.copyOf(rest);
    }

    /** Fails when words are left over. */
    public void end() {
        if (hasNext()) {
            List<String> left = rest();
            String plural = left.size() == 1 ? "word" : "words";
            throw fail("unexpected extra " + plural + " " + quote(String.join(" ", left)));
        }
    }

    /** An integer in [{@code min}, {@code max}]. */
    public int integer(String what, int min, int max) {
        return (int) longInteger(what, min, max);
    }

    /** A long integer in [{@code min}, {@code max}]. */
    public long longInteger(String what, long min, long max) {
        String expected = what + " (an integer from " + min + " to " + max + ")";
        String word = next(expected);
        if (!word.matches("-?\\d{1,19}")) {
            throw unexpected(expected, word);
        }
        try {
            long value = Long.parseLong(word);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException tooBig) {
            // reported below with the bounds
        }
        throw unexpected(expected, word);
    }

    /**
     * A duration with a unit among us, ms, s, m, h, d; a bare number counts in
     * {@code bareUnit} (HAProxy: milliseconds; keepalived: seconds, {@code 0.1} allowed).
     */
    public Duration duration(String what, Duration min, Duration max, ChronoUnit bareUnit) {
        String expected = what + " (a duration from " + Quantities.format(min) + " to "
                + Quantities.format(max) + "; a bare number means "
                + Quantities.unitName(bareUnit) + ")";
        String word = next(expected);
        OptionalLong nanos = Quantities.durationNanos(word, bareUnit);
        if (nanos.isEmpty()) {
            throw unexpected(expected, word);
        }
        Duration value = Duration.ofNanos(nanos.getAsLong());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw unexpected(expected, word);
        }
        return value;
    }

    /** A size in bytes; {@code k}, {@code m}, {@code g} multiply by 1024, 1024², 1024³. */
    public long sizeBytes(String what, long min, long max) {
        String expected = what + " (a size from " + Quantities.formatSize(min) + " to "
                + Quantities.formatSize(max) + " bytes; k, m and g suffixes allowed)";
        String word = next(expected);
        OptionalLong bytes = Quantities.sizeBytes(word);
        if (bytes.isEmpty() || bytes.getAsLong() < min || bytes.getAsLong() > max) {
            throw unexpected(expected, word);
        }
        return bytes.getAsLong();
    }

    /** A TCP or UDP port, 1 to 65535. */
    public int port(String what) {
        return integer(what, HostPort.PORT_MIN, HostPort.PORT_MAX);
    }

    /** {@code ADDRESS:PORT}, {@code *:PORT} or {@code [IPv6]:PORT}. */
    public HostPort hostPort(String what) {
        String expected = what + " (ADDRESS:PORT such as 127.0.0.1:8080, *:80 or [::1]:80)";
        String word = next(expected);
        return HostPort.tryParse(word).orElseThrow(() -> unexpected(expected, word));
    }

    /** An IPv4 or IPv6 address literal; host names are refused. */
    public InetAddress inetAddress(String what) {
        String expected = what + " (an IPv4 or IPv6 address such as 192.168.2.100 or ::1)";
        String word = next(expected);
        return IpAddresses.parseLiteral(word).orElseThrow(() -> unexpected(expected, word));
    }

    /** {@code ADDR[/LEN]} (IPv4 or IPv6) or {@code IPv4/NETMASK}. */
    public Cidr cidr(String what) {
        String expected = what + " (an address or network such as 10.0.0.0/8 or ::1)";
        String word = next(expected);
        return Cidr.tryParse(word).orElseThrow(() -> unexpected(expected, word));
    }

    /** One of {@code allowed}, exactly as written there. */
    public String choice(String what, String... allowed) {
        String expected = what + " (one of " + String.join(", ", allowed) + ")";
        String word = next(expected);
        if (Arrays.asList(allowed).contains(word)) {
            return word;
        }
        throw new ConfigError("expected " + expected + ", got " + quote(word)
                + Suggestions.didYouMean(word, Arrays.asList(allowed)));
    }

    /**
     * An enum constant written in lower case with {@code -} for {@code _}
     * ({@code STATIC_RR} is {@code static-rr}).
     */
    public <E extends Enum<E>> E choice(String what, Class<E> type) {
        E[] constants = type.getEnumConstants();
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = spelling(constants[i]);
        }
        String word = choice(what, names);
        return constants[Arrays.asList(names).indexOf(word)];
    }

    /** How an enum constant is written in config files. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The statements inside this statement's braces; fails when it has none. */
    public List<ConfigBlock> block(String what) {
        if (!hasBlock) {
            throw fail("expected a { } block of " + what + " after '" + keyword() + "'");
        }
        blockRead = true;
        return block;
    }

    /** Whether braces followed the statement. */
    public boolean hasBlock() {
        return hasBlock;
    }

    /** True once a handler took the block; a block nobody took is an error. */
    boolean blockRead() {
        return blockRead;
    }

    /** Records a warning on this line and goes on. */
    public void warning(String message) {
        diagnostics.warning(where(), keyword(), message);
    }

    /** Records an error on this line and goes on (throw {@link #fail} to stop the line). */
    public void error(String message) {
        diagnostics.error(where(), keyword(), message);
    }

    /** An error for this line, to throw. */
    public ConfigError fail(String message) {
        return new ConfigError(message);
    }

    /** "expected WHAT, got 'WORD'", to throw. */
    public ConfigError unexpected(String expected, String found) {
        return new ConfigError("expected " + expected + ", got " + quote(found));
    }

    /** User text in single quotes, cut to a readable length. */
    public static String quote(String text) {
        String shown = text.length() > QUOTED_CHARS_MAX
                ? text.substring(0, QUOTED_CHARS_MAX) + "..."
                : text;
        return "'" + shown + "'";
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    ConfigLine line() {
        return line;
    }
}
