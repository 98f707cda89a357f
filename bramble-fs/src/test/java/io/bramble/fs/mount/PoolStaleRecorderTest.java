package io.bramble.fs.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.error.UserError;
import io.bramble.common.time.ManualClock;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolStaleRecorderTest {
    private static final List<String> MEMBERS = List.of("pi1", "pi2", "pi3");

    private final List<String> asked = new ArrayList<>();

    /** Members answering as given; a member without an answer cannot be reached. */
    private PoolStaleRecorder recorder(Map<String, CommandReply> answers) {
        return new PoolStaleRecorder((member, words) -> {
            asked.add(member);
            CommandReply reply = answers.get(member);
            if (reply == null) {
                throw new UserError(UserError.EXIT_RUNTIME, "cannot reach " + member);
            }
            return reply;
        }, MEMBERS, "gv0", 0, new ManualClock());
    }

    @Test
    void passesOverAMemberWhoseStoreHasStoppedOrIsBehind() throws FsException {
        PoolStaleRecorder stopping = recorder(Map.of(
                "pi1", failed("volume stale-copy: failed: this node's copy of the store has"
                        + " stopped (its standard error says why); restart the node"),
                "pi2", new CommandReply(0, "0\n", "")));
        stopping.recordStale(0);
        assertThat(stopping.isRecordedStale(0)).isTrue();
        assertThat(asked).containsExactly("pi1", "pi2");

        asked.clear();
        PoolStaleRecorder behind = recorder(Map.of(
                "pi2", failed("volume stale-copy: failed: fs.stale-copy/gv0/0 is at version 1,"
                        + " not 0; read it again"),
                "pi3", new CommandReply(0, "1\n", "")));
        behind.recordStale(1);
        assertThat(asked).containsExactly("pi1", "pi2", "pi3");
    }

    @Test
    void stopsAtTheRefusalEveryMemberWouldGive() {
        PoolStaleRecorder refusing = recorder(Map.of(
                "pi1", failed("volume stale-copy: failed: copy 1 of set 0 is recorded as stale"
                        + " already: copy 0 may not take changes alone"),
                "pi2", new CommandReply(0, "0\n", "")));
        assertThatThrownBy(() -> refusing.recordStale(0)).isInstanceOfSatisfying(
                FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EROFS));
        assertThat(asked).containsExactly("pi1");
    }

    @Test
    void failsWithErofsWhenNoMemberAnswers() {
        PoolStaleRecorder alone = recorder(Map.of(
                "pi2", failed("the pool has no majority: 1 of 3 members reachable")));
        assertThatThrownBy(() -> alone.recordStale(0)).isInstanceOfSatisfying(
                FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EROFS));
        assertThat(asked).containsExactly("pi1", "pi2", "pi3");
    }

    private static CommandReply failed(String err) {
        return new CommandReply(1, "", err + "\n");
    }
}
