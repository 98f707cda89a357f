package io.bramble.lb.config;

/**
 * One {@code stats auth USER:PASSWORD} line.
 *
 * @param user the user name
 * @param password the password, clear text as HAProxy takes it
 */
public record StatsCredential(String user, String password) {
    @Override
    public String toString() {
        return "StatsCredential[user=" + user + ", password=***]";
    }
}
