package io.bramble.lvs.config;

/** HTTP statuses {@code low} to {@code high} inclusive: {@code 200-299}, or {@code 503}. */
public record StatusRange(int low, int high) {
    /** keepalived's default for a url without {@code status_code}. */
    public static final StatusRange SUCCESS = new StatusRange(200, 299);

    public boolean contains(int status) {
        return status >= low && status <= high;
    }
}
