package io.bramble.lb.format;

import java.util.List;
import java.util.function.Consumer;

/**
 * A log-format string compiled at load: text, {@code %X} tags and {@code %[...]} sample
 * expressions, each checked to have a value where the string is used. Immutable; renders
 * against one request or response. {@link #toString} gives the string back in log-format
 * syntax, which compiles to an equal one.
 */
public final class LogFormatString {
    private final List<FormatPart> parts;
    /** The whole value when every part is text; null otherwise. */
    private final String constant;

    LogFormatString(List<FormatPart> parts) {
        this.parts = List.copyOf(parts);
        StringBuilder text = new StringBuilder();
        for (FormatPart part : this.parts) {
            if (!(part instanceof FormatPart.Text(String written))) {
                text = null;
                break;
            }
            text.append(written);
        }
        this.constant = text == null ? null : text.toString();
    }

    /**
     * Compiles {@code text} for {@code stage}; an {@link IllegalArgumentException} says what
     * is wrong or not supported. What compiles but may surprise (a {@code %} HAProxy drops)
     * goes to {@code warnings}.
     */
    public static LogFormatString parse(String text, RuleStage stage,
            Consumer<String> warnings) {
        return new LogFormatString(new FormatParser(text, stage, warnings).parts());
    }

    /** {@code text} taken literally, {@code %} included (a {@code redirect} line's target). */
    public static LogFormatString literal(String text) {
        return new LogFormatString(text.isEmpty()
                ? List.of()
                : List.of(new FormatPart.Text(
                        text)));
    }

    /** Whether it renders to the same text whatever the request. */
    public boolean isConstant() {
        return constant != null;
    }

    /** The text of a constant string; fails on one that is not. */
    public String constantText() {
        if (constant == null) {
            throw new IllegalStateException(this + " is not constant");
        }
        return constant;
    }

    /**
     * The value for {@code context}: a part without a value writes nothing. Fails with
     * {@link ValueTooLongException} past {@code charsMax} characters.
     */
    public String render(FormatContext context, int charsMax) {
        if (constant != null && constant.length() <= charsMax) {
            return constant;
        }
        RenderedValue out = new RenderedValue(charsMax);
        for (FormatPart part : parts) {
            part.render(context, out);
        }
        return out.toString();
    }

    List<FormatPart> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogFormatString that && parts.equals(that.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /**
     * In log-format syntax. A tag is never followed by a letter or digit (the parser reads
     * them as part of its name), so the text comes back unambiguous.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        parts.forEach(text::append);
        return text.toString();
    }
}
