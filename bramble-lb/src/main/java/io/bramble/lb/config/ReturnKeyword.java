package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.lb.format.LogFormatString;
import io.bramble.lb.format.RuleStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http-request return [status N] [content-type TYPE] [string TEXT | lf-string FORMAT]
 * [hdr NAME VALUE]...}, read with HAProxy 2.6's checks and messages. The bodies HAProxy reads
 * from files ({@code file}, {@code lf-file}, {@code errorfile}, {@code errorfiles},
 * {@code default-errorfiles}) are refused by name.
 */
final class ReturnKeyword {
    /** Headers a reply computes itself: HAProxy ignores them in {@code hdr}, with a warning. */
    private static final Set<String> COMPUTED_HEADERS = Set.of("content-length",
            "content-type", "transfer-encoding");
    /** Statuses that never carry a body. */
    private static final Set<Integer> BODILESS = Set.of(204, 304);
    /** Headers per reply; a reply is built per request, so its cost stays bounded. */
    static final int HEADERS_MAX = 100;

    private ReturnKeyword() {
    }

    /** Reads the arguments up to the condition, which the rule reads. */
    static HttpReply read(Args a) {
        int status = HttpReply.STATUS_DEFAULT;
        Optional<String> contentType = Optional.empty();
        Optional<LogFormatString> body = Optional.empty();
        String bodyKeyword = null;
        List<HttpReply.Header> headers = new ArrayList<>();
        while (a.peek().filter(w -> !w.equals("if") && !w.equals("unless")).isPresent()) {
            String word = a.choice("a return argument", "status", "content-type", "string",
                    "lf-string", "hdr", "file", "lf-file", "errorfile", "errorfiles",
                    "default-errorfiles");
            switch (word) {
                case "status" -> status = a.integer("a status code", 200, 599);
                case "content-type" -> contentType = Optional.of(a.next("a content type"));
                case "string", "lf-string" -> {
                    if (bodyKeyword != null) {
                        throw a.fail("unexpected '" + word + "' argument, '" + bodyKeyword
                                + "' already defined");
                    }
                    bodyKeyword = word;
                    String text = a.next("the body");
                    body = Optional.of(word.equals("string")
                            ? LogFormatString.literal(text)
                            : RuleKeywords.logFormat(a, text, RuleStage.REQUEST));
                }
                case "hdr" -> header(a, headers);
                default -> throw a.fail("'" + word + "' is not supported by bramble; write the "
                        + "body with 'string' or 'lf-string'");
            }
        }
        if (body.isPresent() && BODILESS.contains(status)) {
            throw a.fail("no body expected for " + status + " responses");
        }
        if (body.isPresent() && contentType.isEmpty()) {
            throw a.fail("a content type must be defined when a body is configured");
        }
        if (body.isEmpty() && contentType.isPresent()) {
            a.warning("content-type '" + contentType.get() + "' ignored because no body is "
                    + "defined, as HAProxy ignores it");
            contentType = Optional.empty();
        }
        return new HttpReply(status, headers, contentType, body);
    }

    private static void header(Args a, List<HttpReply.Header> headers) {
        String name = RuleKeywords.headerName(a);
        LogFormatString value = RuleKeywords.logFormat(a, a.next("a header value"),
                RuleStage.REQUEST);
        if (COMPUTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            a.warning("header '" + name + "' always ignored by the reply, as in HAProxy");
            return;
        }
        if (headers.size() >= HEADERS_MAX) {
            throw a.fail("more than " + HEADERS_MAX + " headers in one reply");
        }
        headers.add(new HttpReply.Header(name, value));
    }
}
