package io.bramble.cluster.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/**
 * bramble's own agents, real scripts that any OCF caller can run (Pacemaker too): the ocf
 * agents of provider {@code bramble} ({@code web}, {@code vip-loopback}, {@code mount}) and
 * the lab fence agent {@code fence_bramble_lab}. They ship inside the jar and are written
 * out under {@code root} ({@code resource.d/bramble/} and {@code fence/}), where
 * {@link AgentDirectories} looks for them.
 *
 * @param root a directory bramble owns
 */
public record OwnAgents(Path root) {
    public static final String PROVIDER = "bramble";
    public static final List<String> OCF_AGENTS = List.of("web", "vip-loopback", "mount");
    public static final List<String> FENCE_AGENTS = List.of("fence_bramble_lab");
    private static final String RESOURCES = "/io/bramble/cluster/agent/";

    public Path ocfDirectory() {
        return root.resolve("resource.d");
    }

    public Path fenceDirectory() {
        return root.resolve("fence");
    }

    /** Writes every script (again when its text changed), executable by all. */
    public OwnAgents install() {
        for (String agent : OCF_AGENTS) {
            write("ocf/" + agent, ocfDirectory().resolve(PROVIDER).resolve(agent));
        }
        for (String agent : FENCE_AGENTS) {
            write("fence/" + agent, fenceDirectory().resolve(agent));
        }
        return this;
    }

    private static void write(String resource, Path target) {
        try (InputStream in = OwnAgents.class.getResourceAsStream(RESOURCES + resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCES + resource);
            }
            byte[] text = in.readAllBytes();
            Files.createDirectories(target.getParent());
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), text)) {
                Path temporary = target.resolveSibling("." + target.getFileName() + ".new");
                Files.write(temporary, text);
                Files.setPosixFilePermissions(temporary,
                        PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the agent " + target, e);
        }
    }
}
