package io.bramble.lb.format;

import java.util.Optional;

/**
 * A sample expression written alone, {@code FETCH[,CONVERTER...]} as inside {@code %[...]}:
 * the key of a {@code track-scN} rule. The fetches and converters are those of log-format
 * strings ({@link SampleFetch}).
 */
public final class SampleExpression {
    private final FormatPart.Sample sample;
    private final String written;

    private SampleExpression(FormatPart.Sample sample, String written) {
        this.sample = sample;
        this.written = written;
    }

    /** Compiles {@code text} for the rules of {@code stage}; fails saying what is wrong. */
    public static SampleExpression parse(String text, RuleStage stage) {
        SampleParser parser = new SampleParser(text + "]", 0, stage);
        FormatPart.Sample sample = parser.sample();
        if (parser.end() != text.length() + 1) {
            throw new IllegalArgumentException("unexpected text after the sample expression "
                    + "in '" + text + "'");
        }
        return new SampleExpression(sample, text);
    }

    /** The typed value, or null when there is none. */
    SampleValue value(FormatContext context, int charsMax) {
        return sample.value(context, charsMax);
    }

    /** The value as text, at most {@code charsMax} characters; empty when there is none. */
    public Optional<String> text(FormatContext context, int charsMax) {
        SampleValue value = sample.value(context, charsMax);
        return value == null ? Optional.empty() : Optional.of(value.text());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleExpression e && e.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    @Override
    public String toString() {
        return written;
    }
}
