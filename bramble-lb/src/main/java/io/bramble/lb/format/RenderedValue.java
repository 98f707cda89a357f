package io.bramble.lb.format;

/**
 * The text a log-format string renders to, bounded: one character more than
 * {@link #charsMax} fails with {@link ValueTooLongException}, so that no request can make a
 * rule build an unbounded value (a header copied many times, base64 over base64).
 */
final class RenderedValue {
    private final StringBuilder text = new StringBuilder();
    private final int charsMax;

    RenderedValue(int charsMax) {
        this.charsMax = charsMax;
    }

    RenderedValue append(char c) {
        if (text.length() >= charsMax) {
            throw new ValueTooLongException(charsMax);
        }
        text.append(c);
        return this;
    }

    RenderedValue append(String part) {
        if (part.length() > charsMax - text.length()) {
            throw new ValueTooLongException(charsMax);
        }
        text.append(part);
        return this;
    }

    int charsMax() {
        return charsMax;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
