package io.bramble.fs.volume;

import java.util.UUID;

/**
 * One brick: a folder on a pool member, named as users type it ({@code host:/path}).
 *
 * @param host the host as typed at create (a member's name or address)
 * @param path the folder, absolute, without a trailing slash
 * @param nodeId the member that serves it
 */
public record Brick(String host, String path, UUID nodeId) {
    /** {@code host:/path}, as {@code volume info} prints it. */
    public String shown() {
        return host + ":" + path;
    }
}
