package io.bramble.pool.store;

import io.bramble.pool.wire.MalformedFrameException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * The Ratis state machine around {@link StoreState}: applies committed commands in log order,
 * writes the whole state as one snapshot file and reads it back at start, after which Ratis
 * replays the rest of the log. Reads take the same lock as applies, so a reader never sees
 * half a change.
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
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        load(storage.loadLatestSnapshot());
    }

    @Override
    public void reinitialize() throws IOException {
        load(storage.loadLatestSnapshot());
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
        Files.write(temporary.toPath(), bytes);
        Files.move(temporary.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE);
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
