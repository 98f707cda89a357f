package io.bramble.compute.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the master's status page: objects become maps, arrays lists,
 * numbers doubles. Depth and size are bounded; anything else is a {@link BadJson}.
 */
final class Json {
    static final int DEPTH_MAX = 32;
    static final int CHARS_MAX = 4 * 1024 * 1024;

    static final class BadJson extends Exception {
        BadJson(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) throws BadJson {
        if (text.length() > CHARS_MAX) {
            throw new BadJson("longer than " + CHARS_MAX + " characters");
        }
        Json json = new Json(text);
        Object value = json.value(0);
        json.space();
        if (json.at != text.length()) {
            throw new BadJson("text after the value at " + json.at);
        }
        return value;
    }

    private Object value(int depth) throws BadJson {
        if (depth > DEPTH_MAX) {
            throw new BadJson("nested deeper than " + DEPTH_MAX);
        }
        space();
        if (at >= text.length()) {
            throw new BadJson("ends early");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws BadJson {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        space();
        if (peek('}')) {
            at++;
            return map;
        }
        while (true) {
            space();
            String key = string();
            space();
            expect(':');
            map.put(key, value(depth + 1));
            space();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) throws BadJson {
        List<Object> list = new ArrayList<>();
        at++;
        space();
        if (peek(']')) {
            at++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            space();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() throws BadJson {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw new BadJson("bad escape at " + at);
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw new BadJson("bad escape at " + at);
                    }
                    at += 4;
                }
                default -> out.append(e);
            }
        }
        throw new BadJson("a string does not end");
    }

    private Object word(String word, Object value) throws BadJson {
        if (!text.startsWith(word, at)) {
            throw new BadJson("unexpected text at " + at);
        }
        at += word.length();
        return value;
    }

    private Double number() throws BadJson {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            return Double.parseDouble(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw new BadJson("unexpected text at " + start);
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) throws BadJson {
        if (!peek(c)) {
            throw new BadJson("expected '" + c + "' at " + at);
        }
        at++;
    }
}
