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
        Set<UUID> servers = servers(volume);
        String text = textOf(volume);
        if (allow.equals("*") && reject.equals(ClientAccess.NOBODY)) {
            return new VolumeAccess(text, BrickAccess.EVERYONE, List.of());
        }
        ClientAccess clients = ClientAccess.of(allow, reject, resolver);
        return new VolumeAccess(text, (client, member) -> servers.contains(member) || clients
                .admits(client), clients.unresolved());
    }

    /**
     * What the rule of {@code volume} is made of: its two lists and its servers. Equal texts
     * make equal rules, so a rule is made again (and its names resolved) only when it changed.
     */
    static String textOf(VolumeSpec volume) {
        return VolumeOptions.value(VolumeOptions.AUTH_ALLOW, volume) + "\n" + VolumeOptions
                .value(VolumeOptions.AUTH_REJECT, volume) + "\n"
                + servers(volume).stream().map(
                        UUID::toString).sorted().collect(Collectors.joining(","));
    }

    private static Set<UUID> servers(VolumeSpec volume) {
        return volume.bricks().stream().map(Brick::nodeId).collect(Collectors
                .toUnmodifiableSet());
    }
}
