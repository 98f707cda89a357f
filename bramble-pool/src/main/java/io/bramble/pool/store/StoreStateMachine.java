package io.bramble.pool.store;

import io.bramble.pool.wire.MalformedFrameException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;

/**
 * The Ratis state machine around {@link StoreState}: applies committed commands in log order,
 * writes the whole state as one snapshot file and reads it back at start, after which Ratis
 * replays the rest of the log. Reads take the same lock as applies, so a reader never sees
 * half a change.
 *
 * <p>A replica that joins a group whose leader has a snapshot gets that snapshot first: Ratis
 * pauses the machine, puts the file in place and calls {@link #reinitialize()}. Ratis checks
 * the machine's life cycle on the way (running, paused, running again) and closes a replica
 * whose machine skips a step, so every step here moves it.
 */
final class StoreStateMachine extends BaseStateMachine {
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final boolean witness;
    private final Consumer<String> onApplied;
    private StoreState state;

    /**
     * @param onApplied told the type of each record changed, on Ratis's apply thread; it must
     *     hand the news on and return at once
     */
    StoreStateMachine(boolean witness, Consumer<String> onApplied) {
        this.witness = witness;
        this.onApplied = onApplied;
        this.state = new StoreState(witness);
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
            throws IOException {
        getLifeCycle().startAndTransition(() -> {
            super.initialize(server, groupId, raftStorage);
            storage.init(raftStorage);
            load(storage.loadLatestSnapshot());
        }, IOException.class);
    }

    /** Called before a snapshot from the leader replaces the state. */
    @Override
    public void pause() {
        getLifeCycle().transition(LifeCycle.State.PAUSING);
        getLifeCycle().transition(LifeCycle.State.PAUSED);
    }

    /** Called once a snapshot from the leader is in place: reads it and runs again. */
    @Override
    public void reinitialize() throws IOException {
        load(storage.loadLatestSnapshot());
        if (getLifeCycleState() == LifeCycle.State.PAUSED) {
            getLifeCycle().startAndTransition(() -> {
            }, IOException.class);
        }
    }

    @Override
    public SimpleStateMachineStorage getStateMachineStorage() { return storage; }

    private synchronized void load(SingleFileSnapshotInfo snapshot) throws IOException {
        if (snapshot == null) {
            return;
        }
        File file = snapshot.getFile().getPath().toFile();
        try {
            state = StoreState.fromBytes(Files.readAllBytes(file.toPath()), witness);
        } catch (MalformedFrameException e) {
            throw new IOException("the store snapshot " + file + " is damaged: "
                    + e.getMessage());
        }
        setLastAppliedTermIndex(snapshot.getTermIndex());
        onApplied.accept("");
    }

    @Override
    public long takeSnapshot() throws IOException {
        byte[] bytes;
        TermIndex last;
        synchronized (this) {
            last = getLastAppliedTermIndex();
            bytes = state.toBytes();
        }
        if (last == null || last.getIndex() < 0) {
            return -1;
        }
        File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
        File temporary = new File(file.getPath() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary.toPath(),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary.toPath()); // a full disk keeps no half snapshot
            throw e;
        }
        Files.move(temporary.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE);
        // Ratis keeps only snapshots with a digest beside them (the retention count), and
        // sends a joining replica the one the storage names as latest.
        MD5Hash digest = MD5FileUtil.computeMd5ForFile(file);
        MD5FileUtil.saveMD5File(file, digest);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(),
                digest), last));
        return last.getIndex();
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext transaction) {
        LogEntryProto entry = transaction.getLogEntry();
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        StoreResult result;
        String type = "";
        synchronized (this) {
            try {
                StoreCommand command = StoreCommand.decode(data);
                type = command.type();
                result = state.apply(command);
            } catch (MalformedFrameException | IllegalArgumentException e) {
                // Every replica refuses the same bytes the same way, so they stay equal.
                result = new StoreResult.Refused("malformed store command: " + e.getMessage());
            }
            updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        }
        onApplied.accept(type);
        return CompletableFuture.completedFuture(
                Message.valueOf(ByteString.copyFrom(StoreResult.encode(result))));
    }

    synchronized Optional<StoreState.Entry> get(String type, String key) {
        return state.get(type, key);
    }

    synchronized List<Map.Entry<String, StoreState.Entry>> list(String type) {
        return state.list(type);
    }
}
