package io.bramble.lb.proxy;

/**
 * Expands the few log-format tags bramble supports in {@code set-header}/{@code add-header}
 * values: {@code %[src]} and {@code %ci} (client address), {@code %cp} (client port),
 * {@code %%}. Other text is kept as written.
 */
final class HeaderValue {
    private HeaderValue() {
    }

    static String expand(String value, RequestView request) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        String address = request.client().getAddress().getHostAddress();
        return value.replace("%[src]", address).replace("%ci", address)
                .replace("%cp", Integer.toString(request.client().getPort()))
                .replace("%%", "%");
    }
}
