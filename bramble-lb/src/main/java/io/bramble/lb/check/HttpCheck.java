package io.bramble.lb.check;

import io.bramble.lb.config.HttpCheckConfig;
import io.bramble.lb.config.HttpCheckExpect;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code option httpchk}: the request a check sends and the verdict on what came back. The
 * caller sends {@link #request}, reads at most {@link HttpCheckConfig#RESPONSE_BYTES_MAX}
 * bytes (all of them when {@link #needsBody}, else the first line is enough) and asks
 * {@link #judge}.
 */
public final class HttpCheck {
    private final byte[] request;
    private final Optional<HttpCheckExpect> expect;
    private final Pattern regex;

    /**
     * @param config the check line
     * @param host the Host header for HTTP/1.1 checks (the server's address)
     */
    public HttpCheck(HttpCheckConfig config, String host) {
        this.request = buildRequest(config, host);
        this.expect = config.expect();
        this.regex = expect.filter(e -> e.kind() == HttpCheckExpect.Kind.RSTATUS
                || e.kind() == HttpCheckExpect.Kind.RSTRING)
                .map(e -> Pattern.compile(e.pattern())).orElse(null);
    }

    /** The bytes to send on a fresh connection. */
    public byte[] request() {
        return request.clone();
    }

    /** True when the verdict looks at the body, so the whole response must be read. */
    public boolean needsBody() {
        return expect.map(e -> e.kind() == HttpCheckExpect.Kind.STRING
                || e.kind() == HttpCheckExpect.Kind.RSTRING).orElse(false);
    }

    /** The verdict on a response (possibly cut at the read limit). */
    public CheckResult judge(byte[] response, int length, long durationMs) {
        String text = new String(response, 0, length, StandardCharsets.ISO_8859_1);
        int status = statusOf(text);
        if (status < 0) {
            return CheckResult.of(CheckStatus.L7RSP, "not an HTTP response", durationMs);
        }
        boolean passed = expect.map(e -> matches(e, status, text)).orElse(
                status >= 200 && status < 400);
        CheckStatus verdict = passed ? CheckStatus.L7OK : CheckStatus.L7STS;
        if (!passed && needsBody()) {
            verdict = CheckStatus.L7RSP;
        }
        return new CheckResult(verdict, status, "HTTP " + status, durationMs);
    }

    private boolean matches(HttpCheckExpect rule, int status, String text) {
        boolean found = switch (rule.kind()) {
            case STATUS -> statusInList(status, rule.pattern());
            case RSTATUS -> regex.matcher(Integer.toString(status)).find();
            case STRING -> body(text).contains(rule.pattern());
            case RSTRING -> regex.matcher(body(text)).find();
        };
        return found != rule.negated();
    }

    /** {@code 200}, {@code 200,301} or {@code 200-399}, as HAProxy accepts. */
    static boolean statusInList(int status, String list) {
        for (String part : list.split(",")) {
            String trimmed = part.trim();
            int dash = trimmed.indexOf('-');
            try {
                if (dash > 0) {
                    int low = Integer.parseInt(trimmed.substring(0, dash));
                    int high = Integer.parseInt(trimmed.substring(dash + 1));
                    if (status >= low && status <= high) {
                        return true;
                    }
                } else if (Integer.parseInt(trimmed) == status) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** The status code of {@code HTTP/1.x NNN ...}, or -1 when the text is not that. */
    static int statusOf(String text) {
        if (!text.startsWith("HTTP/") || text.length() < 12) {
            return -1;
        }
        int space = text.indexOf(' ');
        if (space < 0 || space + 4 > text.length()) {
            return -1;
        }
        String code = text.substring(space + 1, space + 4);
        if (!code.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(code);
    }

    private static String body(String text) {
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? "" : text.substring(end + 4);
    }

    private static byte[] buildRequest(HttpCheckConfig config, String host) {
        StringBuilder head = new StringBuilder();
        head.append(config.method()).append(' ').append(config.uri()).append(' ')
                .append(config.version()).append("\r\n");
        for (HttpCheckConfig.Header header : config.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (!config.body().isEmpty()) {
            head.append("Content-Length: ").append(config.body().length()).append("\r\n");
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        if (config.version().startsWith("HTTP/1.1") && !lower.contains("\r\nhost:")) {
            head.append("Host: ").append(host).append("\r\n");
        }
        if (!lower.contains("\r\nconnection:")) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n").append(config.body());
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
