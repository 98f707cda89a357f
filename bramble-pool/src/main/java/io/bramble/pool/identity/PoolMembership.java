package io.bramble.pool.identity;

import io.bramble.pool.tls.PoolAuthority;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.UUID;

/**
 * What a node keeps once it belongs to a pool: the pool's id (also its Raft group's), the
 * pool's authority, and this node's key and certificate from it.
 */
public record PoolMembership(UUID poolId, PoolAuthority authority, PrivateKey nodeKey,
        X509Certificate nodeCertificate) {}
