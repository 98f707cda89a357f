package io.bramble.fs.volume;

/**
 * One brick: a folder on a pool member, named as users type it ({@code host:/path}).
 *
 * @param host the host as typed at create (a member's name or address)
 * @param nodeId the member that serves it
 */
public record Brick(String host, String path, java.util.UUID nodeId) {
    /** {@code host:/path}, as {@code volume info} prints it. */
    public String shown() {
        return host + ":" + path;
    }
}
