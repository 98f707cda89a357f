package io.bramble.lb.persist;

/**
 * What a request's {@code Cookie} header says about persistence.
 *
 * @param serverValue the server's cookie value the client sent, or null when none
 * @param forwardedHeader the Cookie header to send to the server: the same text when
 *        unchanged, null when nothing is left to send
 */
public record RequestCookie(String serverValue, String forwardedHeader) {
    /** The request carried no persistence cookie. */
    public static RequestCookie none(String header) {
        return new RequestCookie(null, header);
    }

    public boolean pinned() {
        return serverValue != null;
    }
}
