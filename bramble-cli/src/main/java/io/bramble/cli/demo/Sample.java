package io.bramble.cli.demo;

/**
 * One request of the demo's client through the virtual address.
 *
 * @param atMs when it was sent, in ms since the demo started
 * @param tookMs how long the answer (or the failure) took
 * @param web the web server whose page came back, or empty
 * @param lb the balancer that answered, or empty
 * @param failure why it failed (a refused connection, a timeout, a status other than 200),
 *        or empty when it succeeded
 */
record Sample(long atMs, long tookMs, String web, String lb, String failure) {
    static Sample ok(long atMs, long tookMs, String web, String lb) {
        return new Sample(atMs, tookMs, web, lb, "");
    }

    static Sample failed(long atMs, long tookMs, String failure) {
        return new Sample(atMs, tookMs, "", "", failure);
    }

    boolean ok() {
        return failure.isEmpty();
    }

    boolean from(String webServer) {
        return ok() && web.equals(webServer);
    }

    boolean through(String balancer) {
        return ok() && lb.equals(balancer);
    }
}
