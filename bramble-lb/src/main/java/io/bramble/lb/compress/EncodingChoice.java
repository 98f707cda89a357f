package io.bramble.lb.compress;

import io.bramble.lb.config.CompressionAlgorithm;
import java.util.List;
import java.util.Optional;

/**
 * The algorithm a request allows, as HAProxy 2.6 chooses it: each element of its
 * Accept-Encoding lines, the one with the highest q-value (ties keep the first) that names a
 * configured algorithm's coding, the last configured one for {@code *} (HAProxy keeps its
 * list newest first); a q-value of 0 never
 * wins. Without one, {@code identity} when configured. Old browsers announcing
 * {@code Mozilla/4} get none, unless they are MSIE 6 SP2 or MSIE 7 and later.
 */
public final class EncodingChoice {
    private static final int Q_MAX = 1000;

    private EncodingChoice() {
    }

    /**
     * @param algorithms the proxy's {@code compression algo} list, in order
     * @param acceptEncoding the values of the request's Accept-Encoding lines, in order
     * @param userAgent the first User-Agent line, or null
     * @return the algorithm, and whether it came from Accept-Encoding (not {@code identity}'s
     *         fallback)
     */
    public static Optional<Choice> choose(List<CompressionAlgorithm> algorithms,
            List<String> acceptEncoding, String userAgent) {
        if (algorithms.isEmpty() || oldBrowser(userAgent)) {
            return Optional.empty();
        }
        CompressionAlgorithm best = null;
        int bestQ = 0;
        for (String line : acceptEncoding) {
            for (String element : line.split(",")) {
                String value = element.strip();
                int tokenEnd = 0;
                while (tokenEnd < value.length() && isToken(value.charAt(tokenEnd))) {
                    tokenEnd++;
                }
                int q = qValue(value.substring(tokenEnd));
                if (q <= bestQ) {
                    continue;
                }
                String token = value.substring(0, tokenEnd);
                for (CompressionAlgorithm algorithm : algorithms.reversed()) {
                    if (value.startsWith("*") || token.equalsIgnoreCase(algorithm.coding())) {
                        best = algorithm;
                        bestQ = q;
                        break;
                    }
                }
            }
        }
        if (best != null) {
            return Optional.of(new Choice(best, true));
        }
        return algorithms.contains(CompressionAlgorithm.IDENTITY)
                ? Optional.of(new Choice(CompressionAlgorithm.IDENTITY, false))
                : Optional.empty();
    }

    /** An algorithm chosen; {@code fromRequest} false for {@code identity}'s fallback. */
    public record Choice(CompressionAlgorithm algorithm, boolean fromRequest) {}

    /**
     * The first {@code q=} parameter after the token, in thousandths: HAProxy reads a digit,
     * then up to three decimals, anything unreadable as 1000; none at all is 1000.
     */
    static int qValue(String parameters) {
        int at = 0;
        while (true) {
            at = skipBlanks(parameters, at);
            if (at >= parameters.length() || parameters.charAt(at) != ';') {
                return Q_MAX;
            }
            at = skipBlanks(parameters, at + 1);
            if (at >= parameters.length()) {
                return Q_MAX;
            }
            if (parameters.startsWith("q=", at)) {
                return parseQ(parameters, at + 2);
            }
            while (at < parameters.length() && parameters.charAt(at) != ';') {
                at++;
            }
        }
    }

    private static int parseQ(String text, int start) {
        int at = start;
        if (at >= text.length() || !isDigit(text.charAt(at))) {
            return Q_MAX;
        }
        int q = (text.charAt(at++) - '0') * Q_MAX;
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            for (int scale = 100; scale >= 1 && at < text.length()
                    && isDigit(text.charAt(at)); scale /= 10) {
                q += (text.charAt(at++) - '0') * scale;
            }
        }
        return Math.min(q, Q_MAX);
    }

    private static boolean oldBrowser(String agent) {
        if (agent == null || !agent.startsWith("Mozilla/4")) {
            return false;
        }
        return agent.length() < 31 || !agent.startsWith("MSIE ", 25) || agent.charAt(30) < '6'
                || (agent.charAt(30) == '6' && (agent.length() < 54
                        || !agent.startsWith("SV1", 51)));
    }

    private static int skipBlanks(String text, int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 7230's tchar. */
    private static boolean isToken(char c) {
        return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
