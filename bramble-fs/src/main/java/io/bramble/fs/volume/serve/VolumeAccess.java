package io.bramble.fs.volume.serve;

import io.bramble.fs.brick.wire.BrickAccess;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.access.ClientAccess;
import io.bramble.fs.volume.option.VolumeOptions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rule a node's brick server applies to the connections to one volume's bricks: the
 * members that hold bricks of the volume are always admitted (their heal workers and
 * commands, and mounts on them, as Gluster's servers pass with the volume's own credentials);
 * any other member by its address, through the volume's {@code auth.allow} and
 * {@code auth.reject}.
 *
 * @param text the two lists and the servers, to tell when the rule must be read again
 * @param access the rule
 * @param unresolved host names of the lists that resolved to no address
 */
record VolumeAccess(String text, BrickAccess access, List<String> unresolved) {
    /** The rule of {@code volume} as it stands, names resolved through {@code resolver}. */
    static VolumeAccess of(VolumeSpec volume, ClientAccess.Resolver resolver) {
        String allow = VolumeOptions.value(VolumeOptions.AUTH_ALLOW, volume);
        String reject = VolumeOptions.value(VolumeOptions.AUTH_REJECT, volume);
        Set<UUID> servers = volume.bricks().stream().map(Brick::nodeId).collect(Collectors
                .toUnmodifiableSet());
        String text = allow + "\n" + reject + "\n" + servers.stream().map(UUID::toString)
                .sorted().collect(Collectors.joining(","));
        if (allow.equals("*") && reject.equals(ClientAccess.NOBODY)) {
            return new VolumeAccess(text, BrickAccess.EVERYONE, List.of());
        }
        ClientAccess clients = ClientAccess.of(allow, reject, resolver);
        return new VolumeAccess(text, (client, member) -> servers.contains(member) || clients
                .admits(client), clients.unresolved());
    }
}
