package io.bramble.lb.format;

import java.util.List;

/**
 * One piece of a compiled log-format string. Each renders itself; {@link #toString} writes
 * it back in log-format syntax.
 */
sealed interface FormatPart {
    void render(FormatContext context, RenderedValue out);

    /** Text written as it is; {@code %%} stands for one {@code %}. */
    record Text(String text) implements FormatPart {
        @Override
        public void render(FormatContext context, RenderedValue out) {
            out.append(text);
        }

        @Override
        public String toString() {
            return text.replace("%", "%%");
        }
    }

    /** A {@code %X} tag. */
    record Tag(LogTag tag) implements FormatPart {
        @Override
        public void render(FormatContext context, RenderedValue out) {
            tag.render(context, out);
        }

        @Override
        public String toString() {
            return tag.toString();
        }
    }

    /**
     * A sample expression {@code %[FETCH,CONVERTER...]}: no value writes nothing, as HAProxy
     * does in header values.
     *
     * @param fetch what it reads, {@code hdr} already resolved for its stage
     * @param header the header name of a header fetch; empty for the others
     * @param occurrence which element of a header fetch: 1 the first, -1 the last
     * @param converters applied in order
     */
    record Sample(SampleFetch fetch, String header, long occurrence, List<Converter> converters)
            implements
                FormatPart {
        public Sample {
            converters = List.copyOf(converters);
        }

        @Override
        public void render(FormatContext context, RenderedValue out) {
            SampleValue value = value(context, out.charsMax());
            if (value != null) {
                OutputEscape.SAMPLE.append(value.text(), out);
            }
        }

        /** The value after the converters, or null when there is none. */
        SampleValue value(FormatContext context, int charsMax) {
            SampleValue value = fetch.fetch(context, header, occurrence);
            for (Converter converter : converters) {
                if (value == null) {
                    return null;
                }
                String converted = converter.apply(value);
                // base64 grows a value by a third: each step stays within the bound too.
                if (converted != null && converted.length() > charsMax) {
                    throw new ValueTooLongException(charsMax);
                }
                value = converted == null ? null : new SampleValue.Text(converted);
            }
            return value;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("%[").append(fetch);
            if (fetch.readsHeader()) {
                text.append('(').append(header);
                if (occurrence != -1) {
                    text.append(',').append(occurrence);
                }
                text.append(')');
            } else if (fetch.takesArgument()) {
                text.append('(').append(header).append(')');
            }
            converters.forEach(c -> text.append(',').append(c));
            return text.append(']').toString();
        }
    }
}
