package io.bramble.it.lbdiff;

import io.bramble.testkit.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How bramble's outcome of a case compares with HAProxy's.
 *
 * <ul>
 * <li>Violations break a security or correctness rule, whatever HAProxy did: bramble forwarded
 * a request HAProxy refused, or more requests than the client sent, or forwarded a request
 * with other target, Host, method or body bytes than HAProxy did, or let a denied path or host
 * reach its server, or a forwarded request's answer never reached the client, or a request
 * under {@value #FORMAT_PATH} carried other rendered header values than HAProxy's.</li>
 * <li>Differences are refusals: HAProxy forwarded something bramble did not, or a tunnel
 * carried other bytes. They fail unless {@link AcceptedDifferences} lists the case.</li>
 * <li>Notes are about HAProxy itself, when it breaks a rule the case expects: reference data,
 * and a sign the case may be wrong.</li>
 * </ul>
 */
record Verdict(List<String> violations, List<String> differences, List<String> notes) {
    /** The path prefix the shared configuration denies. */
    static final String DENIED_PATH = "/admin";
    /** The host the shared configuration denies. */
    static final String DENIED_HOST = "admin.internal";
    /** Requests under this path get the shared configuration's log-format header values. */
    static final String FORMAT_PATH = "/format";
    /** The headers those rules set, which must hold the same values at both servers. */
    static final List<String> FORMAT_HEADERS = List.of("X-Format-Host", "X-Format-Src",
            "X-Format-Url", "X-Format-A");

    static Verdict of(RequestCase c, ProxyOutcome haproxy, ProxyOutcome bramble) {
        List<String> violations = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int h = haproxy.forwarded().size();
        int b = bramble.forwarded().size();
        if (h > c.requests()) {
            notes.add("haproxy forwarded " + h + " requests, the case means " + c.requests());
        }
        if (b > h) {
            violations.add("bramble forwarded " + b + " requests where haproxy forwarded " + h);
        }
        if (b > c.requests()) {
            violations.add("bramble forwarded " + b + " requests, the client sent "
                    + c.requests());
        }
        if (b < h) {
            differences.add("bramble forwarded " + b + " requests where haproxy forwarded " + h);
        }
        for (int i = 0; i < Math.min(h, b); i++) {
            compare(i, haproxy.forwarded().get(i), bramble.forwarded().get(i), violations);
            if (!Arrays.equals(haproxy.tunnels().get(i), bramble.tunnels().get(i))) {
                differences.add("request " + (i + 1) + " tunnel carried "
                        + bramble.tunnels().get(i).length + " bytes at bramble, "
                        + haproxy.tunnels().get(i).length + " at haproxy");
            }
        }
        for (RecordedRequest r : haproxy.forwarded()) {
            denied(r).ifPresent(why -> notes.add("haproxy let through " + why));
        }
        for (RecordedRequest r : bramble.forwarded()) {
            denied(r).ifPresent(why -> violations.add("bramble let through " + why));
        }
        if (!bramble.answeredExactlyWhatWasForwarded()) {
            String what = "server answered requests " + bramble.forwardedSequences()
                    + " but the client got the answers of " + bramble.client().sequences();
            if (haproxy.answeredExactlyWhatWasForwarded()) {
                violations.add("bramble's " + what);
            } else {
                notes.add("haproxy's " + haproxy.forwardedSequences() + " / "
                        + haproxy.client().sequences() + "; bramble's " + what);
            }
        }
        return new Verdict(violations, differences, notes);
    }

    private static void compare(int index, RecordedRequest haproxy, RecordedRequest bramble,
            List<String> violations) {
        String which = "request " + (index + 1) + ": ";
        if (!haproxy.method().equals(bramble.method())) {
            violations.add(which + "method " + show(bramble.method()) + " at bramble, "
                    + show(haproxy.method()) + " at haproxy");
        }
        if (!haproxy.target().equals(bramble.target())) {
            violations.add(which + "target " + show(bramble.target()) + " at bramble, "
                    + show(haproxy.target()) + " at haproxy");
        }
        if (!sameHost(haproxy, bramble)) {
            violations.add(which + "Host " + show(bramble.host()) + " at bramble, "
                    + show(haproxy.host()) + " at haproxy");
        }
        if (!Arrays.equals(haproxy.body(), bramble.body())) {
            violations.add(which + "body " + show(bramble.body()) + " at bramble, "
                    + show(haproxy.body()) + " at haproxy");
        }
        if (haproxy.path().startsWith(FORMAT_PATH)) {
            for (String name : FORMAT_HEADERS) {
                if (!haproxy.values(name).equals(bramble.values(name))) {
                    violations.add(which + name + " " + bramble.values(name) + " at bramble, "
                            + haproxy.values(name) + " at haproxy");
                }
            }
        }
        if (haproxy.malformed().isEmpty() && bramble.malformed().isPresent()) {
            violations.add(which + "the backend found bramble's request malformed: "
                    + bramble.malformed().get());
        }
    }

    /**
     * Both name the same destination. Two spellings are the same: HAProxy drops the port of a
     * CONNECT's Host where bramble forwards it as sent, and bramble gives an absolute target
     * without Host its authority as Host (RFC 9112 3.2.2) where HAProxy sends none.
     */
    private static boolean sameHost(RecordedRequest haproxy, RecordedRequest bramble) {
        String atHaproxy = spaced(haproxy.host());
        String atBramble = spaced(bramble.host());
        if (atHaproxy.equals(atBramble)) {
            return true;
        }
        if (atHaproxy.isEmpty()) {
            return atBramble.equalsIgnoreCase(bramble.targetAuthority());
        }
        return bramble.method().equals("CONNECT")
                && withoutPort(atHaproxy).equalsIgnoreCase(withoutPort(atBramble));
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    /** Runs of spaces and tabs as one space: an obs-fold may become one space or several. */
    private static String spaced(String value) {
        return value.replaceAll("[ \\t]+", " ");
    }

    /** Why {@code request} should have been denied by the shared configuration, if it should. */
    static Optional<String> denied(RecordedRequest request) {
        if (request.path().startsWith(DENIED_PATH)) {
            return Optional.of("denied path " + show(request.target()));
        }
        boolean deniedHost = request.values("host").stream()
                .anyMatch(v -> v.equalsIgnoreCase(DENIED_HOST));
        if (deniedHost || request.targetAuthority().equals(DENIED_HOST)) {
            return Optional.of("denied host: target " + show(request.target())
                    + ", Host " + show(request.host()));
        }
        return Optional.empty();
    }

    boolean passes(boolean differenceAccepted) {
        return violations.isEmpty() && (differences.isEmpty() || differenceAccepted);
    }

    /** {@code text} with bytes outside printable ASCII escaped, cut at 80 characters. */
    static String show(String text) {
        StringBuilder shown = new StringBuilder("'");
        for (int i = 0; i < text.length() && shown.length() < 80; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> shown.append("\\r");
                case '\n' -> shown.append("\\n");
                case '\\' -> shown.append("\\\\");
                default -> shown.append(c >= 0x20 && c < 0x7f
                        ? String.valueOf(c)
                        : String.format(Locale.ROOT, "\\x%02x", (int) c));
            }
        }
        return shown.append(text.length() > 80 ? "...' (" + text.length() + " bytes)" : "'")
                .toString();
    }

    static String show(byte[] bytes) {
        return show(new String(bytes, StandardCharsets.ISO_8859_1));
    }
}
