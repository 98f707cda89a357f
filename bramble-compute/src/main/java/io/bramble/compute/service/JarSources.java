package io.bramble.compute.service;

import io.bramble.compute.jars.JarSource;
import io.bramble.compute.jars.MavenCentral;
import io.bramble.compute.jars.MavenRepository;
import io.bramble.compute.jars.PoolMemberJars;
import io.bramble.pool.member.Member;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where this node looks for Spark's jars, in order: the local Maven repository
 * ({@code ~/.m2/repository}, or {@value #REPOSITORY_ENV}), every other member of the pool, then
 * Maven Central (or the repository {@value #REMOTE_ENV} names; {@code none} for no remote).
 */
final class JarSources {
    static final String REPOSITORY_ENV = "BRAMBLE_MAVEN_REPO";
    static final String REMOTE_ENV = "BRAMBLE_MAVEN_REMOTE";
    /** A chunk of a jar from a member: a TLS exchange and 512 KiB. */
    static final long CHUNK_MS = 30_000;

    private JarSources() {
    }

    static List<JarSource> of(PoolNode node, Map<String, String> env) {
        List<JarSource> sources = new ArrayList<>();
        String repository = env.get(REPOSITORY_ENV);
        sources.add(repository == null || repository.isBlank()
                ? MavenRepository.ofUser()
                : new MavenRepository(Path.of(repository)));
        for (Member member : node.members().peersOf(node.id())) {
            if (member.role() == io.bramble.pool.member.Role.VOTER) {
                sources.add(new PoolMemberJars(member.hostname(), args -> ask(node, member,
                        args)));
            }
        }
        String remote = env.getOrDefault(REMOTE_ENV, MavenCentral.CENTRAL.toString());
        if (!remote.equals("none")) {
            sources.add(new MavenCentral(URI.create(remote.endsWith("/")
                    ? remote
                    : remote + "/")));
        }
        return sources;
    }

    private static String ask(PoolNode node, Member member, List<String> args)
            throws IOException {
        CommandReply reply = node.runOn(member, args, CHUNK_MS);
        if (reply.exitCode() != 0) {
            throw new IOException(member.hostname() + ": " + reply.err().strip());
        }
        return reply.out();
    }
}
