package io.bramble.fs.volume.create;

/**
 * A brick as typed, {@code host:/path}, read but not yet placed on a member.
 *
 * @param path absolute, slashes collapsed, no trailing slash
 */
public record BrickAddress(String host, String path) {
    public String shown() {
        return host + ":" + path;
    }
}
