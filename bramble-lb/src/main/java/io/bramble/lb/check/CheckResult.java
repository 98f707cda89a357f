package io.bramble.lb.check;

/**
 * One check's outcome.
 *
 * @param status what happened
 * @param httpStatus the response status of an HTTP check, 0 otherwise
 * @param info a short detail for logs and the stats page ("Connection refused", "HTTP 503")
 * @param durationMs time from connect start to verdict
 */
public record CheckResult(CheckStatus status, int httpStatus, String info, long durationMs) {
    public CheckResult {
        info = info == null ? "" : info;
        if (durationMs < 0) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }

    public boolean success() {
        return status.success();
    }

    public static CheckResult of(CheckStatus status, String info, long durationMs) {
        return new CheckResult(status, 0, info, durationMs);
    }
}
