package io.bramble.lb.check;

import java.util.Optional;

/**
 * The line {@code option log-health-checks} logs for one active check, as HAProxy 2.6 words it:
 * written when the check moved the server's health counter or changed the check status, not
 * for a check that changes nothing (a success on a fully healthy server, a failure on a DOWN
 * one that already failed the same way).
 */
public final class HealthCheckLine {
    private HealthCheckLine() {
    }

    /**
     * @param server {@code BACKEND/SERVER}
     * @param backup the server is a backup one
     * @param previous the check before this one; null for the first
     * @param result this check
     * @param counterBefore the health counter before this check
     * @param health the server's health after it
     * @param draining the server is up with weight 0 (HAProxy says DRAIN, not UP)
     */
    public static Optional<String> of(String server, boolean backup, CheckResult previous,
            CheckResult result, int counterBefore, ServerHealth health, boolean draining) {
        boolean statusChanged = previous == null || previous.status() != result.status();
        if (!statusChanged && counterBefore == health.healthCounter()) {
            return Optional.empty();
        }
        int rise = health.rise();
        int fall = health.fall();
        int counter = health.healthCounter();
        String status = health.up()
                ? (counter - rise + 1) + "/" + fall + (draining ? " DRAIN" : " UP")
                : counter + "/" + rise + " DOWN";
        return Optional.of("Health check for " + (backup ? "backup " : "") + "server " + server
                + " " + (result.success() ? "succeeded" : "failed") + ", reason: "
                + result.status().description() + code(result) + info(result)
                + ", check duration: " + result.durationMs() + "ms, status: " + status + ".");
    }

    private static String code(CheckResult result) {
        return result.httpStatus() > 0 ? ", code: " + result.httpStatus() : "";
    }

    private static String info(CheckResult result) {
        return result.info().isEmpty() ? "" : ", info: \"" + result.info() + "\"";
    }
}
