package io.bramble.lb.format;

import io.bramble.common.config.Args;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one sample expression after its {@code %[}: a fetch, its arguments in parentheses
 * (separated by commas, no blanks), then {@code ,CONVERTER} or {@code ,CONVERTER(ARGS)}
 * repeated, then {@code ]}. Fetch and converter names are case-sensitive, as in HAProxy.
 */
final class SampleParser {
    /** Converters after one fetch; each may copy the whole value, so a chain stays short. */
    static final int CONVERTERS_MAX = 16;
    /** Longest header occurrence written: more digits than any header has elements. */
    private static final int OCCURRENCE_DIGITS_MAX = 9;
    private static final String CONVERTERS = "lower, upper, base64, url_dec([IN_FORM])";

    private final String text;
    private final int start;
    private final RuleStage stage;
    private int pos;

    SampleParser(String text, int start, RuleStage stage) {
        this.text = text;
        this.start = start;
        this.stage = stage;
        this.pos = start;
    }

    FormatPart.Sample sample() {
        String name = word();
        if (name.isEmpty()) {
            throw error("expected a sample fetch after '%['");
        }
        List<String> arguments = arguments(name);
        SampleFetch fetch = fetch(name);
        String header = "";
        long occurrence = -1;
        if (fetch.takesArgument()) {
            header = argument(name, arguments);
        } else if (fetch.readsHeader()) {
            header = headerName(name, arguments);
            occurrence = arguments.size() > 1 ? occurrence(name, arguments.get(1)) : -1;
        } else if (!arguments.isEmpty()) {
            throw error("sample fetch '" + name + "' takes no arguments");
        }
        List<Converter> converters = new ArrayList<>();
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            if (converters.size() == CONVERTERS_MAX) {
                throw error("more than " + CONVERTERS_MAX + " converters after one fetch");
            }
            converters.add(converter());
        }
        if (pos == text.length()) {
            throw error("expected ']' to end " + Args.quote("%[" + text.substring(start)));
        }
        if (text.charAt(pos) != ']') {
            throw error("expected ',' or ']' after " + Args.quote("%[" + text.substring(start,
                    pos)) + ", got '" + text.charAt(pos) + "'");
        }
        pos++;
        return new FormatPart.Sample(fetch.in(stage), header, occurrence, converters);
    }

    /** The index just after the closing {@code ]}, once {@link #sample} has read it. */
    int end() {
        return pos;
    }

    private SampleFetch fetch(String name) {
        SampleFetch fetch = SampleFetch.named(name);
        if (fetch == null) {
            String why = name.equals("unique-id")
                    ? "is not supported by bramble, which has no unique-id-format"
                    : "is not supported by bramble";
            throw error("sample fetch " + Args.quote(name) + " " + why + "; fetches here: "
                    + SampleFetch.supported(stage));
        }
        if (!fetch.availableIn(stage)) {
            String why = stage == RuleStage.REQUEST
                    ? "there is no response yet"
                    : "HAProxy 2.6 refuses the request's line and headers there too";
            throw error("sample fetch '" + name + "' has no value in " + stage.rules() + ": "
                    + why + "; fetches here: " + SampleFetch.supported(stage));
        }
        return fetch;
    }

    private Converter converter() {
        String name = word();
        if (name.isEmpty()) {
            throw error("expected a converter after ',' in " + Args.quote("%[" + text.substring(
                    start)));
        }
        List<String> arguments = arguments(name);
        Converter converter = switch (name) {
            case "lower" -> Converter.LOWER;
            case "upper" -> Converter.UPPER;
            case "base64" -> Converter.BASE64;
            case "url_dec" -> arguments.isEmpty() || integer(name, arguments.get(0)) == 0
                    ? Converter.URL_DEC
                    : Converter.URL_DEC_FORM;
            default ->
                throw error("converter " + Args.quote(name) + " is not supported by bramble; "
                        + "converters: " + CONVERTERS);
        };
        int allowed = name.equals("url_dec") ? 1 : 0;
        if (arguments.size() > allowed) {
            throw error("converter '" + name + "' takes " + (allowed == 0
                    ? "no arguments"
                    : "at most one argument"));
        }
        return converter;
    }

    /** A fetch or converter name: letters, digits, {@code .}, {@code _} and {@code -}. */
    private String word() {
        int from = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(from, pos);
    }

    /** {@code (A,B)} after a name; none without parentheses, and {@code ()} is none too. */
    private List<String> arguments(String name) {
        if (pos == text.length() || text.charAt(pos) != '(') {
            return List.of();
        }
        int close = text.indexOf(')', pos);
        if (close < 0) {
            throw error("expected ')' after the arguments of '" + name + "'");
        }
        String inside = text.substring(pos + 1, close);
        pos = close + 1;
        if (inside.isEmpty()) {
            return List.of();
        }
        return List.of(inside.split(",", -1));
    }

    /** The one argument of {@code var}, {@code str} or {@code int}, checked. */
    private String argument(String fetch, List<String> arguments) {
        if (arguments.size() != 1) {
            throw error("sample fetch '" + fetch + "' takes one argument, got "
                    + arguments.size());
        }
        String written = arguments.get(0);
        switch (fetch) {
            case "var" -> {
                try {
                    VariableName.parse(written);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            case "int" -> {
                if (!written.matches("[+-]?[0-9]{1,18}")) {
                    throw error("expected an integer in 'int(...)', got " + Args.quote(written));
                }
            }
            default -> {
            }
        }
        return written;
    }

    private String headerName(String fetch, List<String> arguments) {
        if (arguments.isEmpty() || arguments.get(0).isEmpty()) {
            throw error("sample fetch '" + fetch + "' needs a header name: " + fetch
                    + "(NAME[,OCCURRENCE])");
        }
        if (arguments.size() > 2) {
            throw error("sample fetch '" + fetch + "' takes a header name and an occurrence, "
                    + "got " + arguments.size() + " arguments");
        }
        String name = arguments.get(0);
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7f
                && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw error("expected a header name in '" + fetch + "(...)', got " + Args.quote(name));
        }
        return name;
    }

    /** 1 the first element, -1 the last; 0 and an empty argument mean the last. */
    private long occurrence(String fetch, String written) {
        if (written.isEmpty()) {
            return -1;
        }
        long occurrence = integer(fetch, written);
        if (occurrence < HeaderElements.OCCURRENCE_MIN) {
            throw error("header occurrence " + occurrence + " in '" + fetch + "' is below "
                    + HeaderElements.OCCURRENCE_MIN + ": HAProxy keeps only the last "
                    + -HeaderElements.OCCURRENCE_MIN + " elements");
        }
        return occurrence == 0 ? -1 : occurrence;
    }

    private long integer(String name, String written) {
        if (!written.matches("[+-]?[0-9]{1," + OCCURRENCE_DIGITS_MAX + "}")) {
            throw error("expected an integer argument to '" + name + "', got "
                    + Args.quote(written));
        }
        return Long.parseLong(written);
    }

    private static boolean isWordChar(char c) {
        return FormatParser.isLetter(c) || FormatParser.isDigit(c) || c == '.' || c == '_'
                || c == '-';
    }

    private static IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message);
    }
}
