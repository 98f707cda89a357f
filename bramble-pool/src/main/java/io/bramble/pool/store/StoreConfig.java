package io.bramble.pool.store;

import java.nio.file.Path;
import java.util.UUID;
import org.apache.ratis.grpc.GrpcTlsConfig;

/**
 * Where and how this node runs its replica of the store.
 *
 * @param directory the Raft log and snapshots ({@code STATE_DIR/raft})
 * @param poolId the pool's id, also the Raft group's
 * @param nodeId this node's id, also its Raft peer id
 * @param address the address this replica listens on and is reached at
 * @param raftPort its port
 * @param witness keep only the pool's own records
 * @param tls mutual TLS with the pool's authority; null only in tests of the store alone
 */
public record StoreConfig(Path directory, UUID poolId, UUID nodeId, String address,
        int raftPort, boolean witness, GrpcTlsConfig tls) {}
