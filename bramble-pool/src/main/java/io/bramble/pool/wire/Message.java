package io.bramble.pool.wire;

import java.util.List;
import java.util.UUID;

/** Every frame a node or the local CLI sends, one record per kind. */
public sealed interface Message {
    /** The pool id of a node that belongs to no pool. */
    UUID NO_POOL = new UUID(0, 0);

    /** First frame of a link between members: who is calling, and from which pool. */
    record Hello(UUID node, UUID pool) implements Message {}

    /** Sent every heartbeat interval on each link; any frame counts as a sign of life. */
    record Heartbeat(UUID node, long sequence) implements Message {}

    /**
     * A member (or a fresh node about to found a pool) asks the receiver to join.
     *
     * @param targetName the name the user typed for the receiver, which it will be shown as
     * @param secret the join secret of the prober, empty when it has none
     */
    record ProbeRequest(UUID prober, UUID pool, String proberName, String targetName,
            byte[] secret) implements Message {}

    /** How a probed node answers. */
    enum Outcome {
        /** Fresh and willing: the prober may grant it membership. */
        ACCEPT,
        /** Already a member of the prober's pool. */
        ALREADY_MEMBER,
        /** A member of another pool: refused. */
        OTHER_POOL,
        /** Its join secret differs from the one the probe carried. */
        SECRET_MISMATCH,
        /** The probe reached the prober itself. */
        SELF
    }

    /**
     * The probed node's answer.
     *
     * @param publicKey the key its pool certificate is to certify (X.509 SubjectPublicKeyInfo)
     */
    record ProbeAnswer(Outcome outcome, UUID node, List<String> names, boolean witness,
            int raftPort, byte[] publicKey) implements Message {}

    /**
     * Membership granted: the pool's authority (certificate and key, DER and PKCS#8), the
     * joiner's certificate, and the address the pool reaches it on.
     */
    record JoinGrant(UUID pool, byte[] authorityCertificate, byte[] authorityKey,
            byte[] nodeCertificate, String address) implements Message {}

    /** The joiner's answer to a grant: its store replica runs, or why it does not. */
    record JoinDone(boolean ok, String detail) implements Message {}

    /** The receiver was detached from {@code pool} and should forget it. */
    record Detached(UUID pool) implements Message {}

    /** A CLI command line to run on the receiving node. */
    record CommandRequest(List<String> args) implements Message {}

    /** What a command printed and its exit code. */
    record CommandReply(int exitCode, String out, String err) implements Message {}
}
