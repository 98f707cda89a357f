package io.bramble.lb.format;

import io.bramble.common.config.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a log-format string as HAProxy 2.6 reads one (configuration manual 8.2.6): {@code %%}
 * is a {@code %}, {@code %NAME} a tag (a letter, then letters and digits), {@code %[...]} a
 * sample expression, {@code %{FLAGS}} flags for the tag after it; a {@code %} before a digit,
 * a blank or the end is an error, and one before any other character is dropped. Everything
 * bramble cannot render in the string's stage is refused here, with what it supports.
 */
final class FormatParser {
    private final String text;
    private final RuleStage stage;
    private final Consumer<String> warnings;
    private final List<FormatPart> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private int pos;

    FormatParser(String text, RuleStage stage, Consumer<String> warnings) {
        this.text = text;
        this.stage = stage;
        this.warnings = warnings;
    }

    List<FormatPart> parts() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("a CR, LF or NUL character cannot go into "
                        + "a header or a Location");
            }
            if (c == '%') {
                percent();
            } else {
                literal.append(c);
                pos++;
            }
        }
        flushLiteral();
        return parts;
    }

    /** At a {@code %}. */
    private void percent() {
        if (pos + 1 == text.length()) {
            throw new IllegalArgumentException(Args.quote(text) + " ends with a lone '%'; write "
                    + "'%%' for a '%'");
        }
        char next = text.charAt(pos + 1);
        if (next == '%') {
            literal.append('%');
            pos += 2;
        } else if (next == '{') {
            if (stage != RuleStage.CHECK) {
                flags();
            }
            placeholder();
        } else if (next == '[' || isLetter(next)) {
            pos++;
            placeholder();
        } else if (next >= '0' && next <= '9' || next == ' ' || next == '\t') {
            throw new IllegalArgumentException(
                    "'%" + next + "' in " + Args.quote(text) + " is not a "
                            + "tag; write '%%' for a '%'");
        } else {
            warnings.accept("'%" + next + "' in " + Args.quote(text) + " writes '" + next
                    + "' alone, as "
                    + "HAProxy drops a '%' before anything but a tag; write '%%' for a '%'");
            pos++;
        }
    }

    /** {@code %{...}}: only the empty flag list, which changes nothing, is supported. */
    private void flags() {
        int close = text.indexOf('}', pos);
        if (close < 0) {
            throw new IllegalArgumentException(
                    "'%{' in " + Args.quote(text) + " has no closing '}'");
        }
        String flags = text.substring(pos + 2, close);
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("log-format flags ('%{" + flags + "}') are not "
                    + "supported by bramble; write the tag without them");
        }
        pos = close + 1;
    }

    /** At the {@code [} or the tag's first letter (or what follows {@code %{}}). */
    private void placeholder() {
        if (stage == RuleStage.CHECK) {
            throw new IllegalArgumentException(
                    Args.quote(text) + " holds a log-format tag or sample"
                            + " expression, which bramble does not evaluate in " + stage.rules()
                            + "; write the text itself ('%%' for a '%')");
        }
        if (pos < text.length() && text.charAt(pos) == '[') {
            flushLiteral();
            SampleParser sample = new SampleParser(text, pos + 1, stage);
            parts.add(sample.sample());
            pos = sample.end();
            return;
        }
        if (pos == text.length() || !isLetter(text.charAt(pos))) {
            throw new IllegalArgumentException("expected a tag or '[' after '%{}' in "
                    + Args.quote(text));
        }
        int start = pos;
        while (pos < text.length() && (isLetter(text.charAt(pos)) || isDigit(text
                .charAt(pos)))) {
            pos++;
        }
        flushLiteral();
        parts.add(new FormatPart.Tag(tag(text.substring(start, pos))));
    }

    private LogTag tag(String name) {
        LogTag tag = LogTag.named(name);
        if (tag != null && tag.availableIn(stage)) {
            return tag;
        }
        if (tag != null) {
            throw new IllegalArgumentException("'%" + name + "' has no value in "
                    + stage.rules() + ": no server has answered yet (HAProxy writes a "
                    + "placeholder); tags here: " + LogTag.supported(stage));
        }
        String why = switch (name) {
            case "ID" -> "is not supported by bramble, which has no unique-id-format";
            case "o" -> "(flags for every tag after it) is not supported by bramble";
            default -> LogTag.HAPROXY_TAGS.contains(name)
                    ? "is not supported by bramble"
                    : "is not a log-format tag (write '%%' for a '%')";
        };
        throw new IllegalArgumentException(Args.quote("%" + name) + " " + why + "; tags here: "
                + LogTag.supported(stage));
    }

    private void flushLiteral() {
        if (!literal.isEmpty()) {
            parts.add(new FormatPart.Text(literal.toString()));
            literal.setLength(0);
        }
    }

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
