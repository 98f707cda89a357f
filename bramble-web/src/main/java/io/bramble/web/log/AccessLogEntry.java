package io.bramble.web.log;

/**
 * What the access log records of one request.
 *
 * @param remoteHost          the client's address, as text
 * @param receivedEpochMillis when the request arrived (wall clock)
 * @param requestLine         the request line as received, or null when none could be read
 * @param status              the status code sent
 * @param bodyBytes           bytes of body sent, headers excluded
 * @param referer             the {@code Referer} header, or null
 * @param userAgent           the {@code User-Agent} header, or null
 */
public record AccessLogEntry(String remoteHost, long receivedEpochMillis, String requestLine,
        int status, long bodyBytes, String referer, String userAgent) {}
