package io.bramble.fs.mount;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.replicate.StaleRecorder;
import io.bramble.fs.volume.StaleCopies;
import io.bramble.pool.local.NodeClient;
import io.bramble.pool.wire.Message.CommandReply;
import java.nio.file.Path;
import java.util.List;

/**
 * The tie-breaker of one replica-2 set, asked of the pool's members ({@code volume
 * stale-copy}): the first member that answers records or reports the stale copy, in the
 * store that a majority keeps. A member that cannot answer (unreachable, without a majority,
 * stopping, its copy of the store behind) is passed over for the next; only the refusal any
 * member would give, the other copy being recorded, ends the asking. What it reports is
 * trusted for {@link #ANSWER_MS}, so a copy read alone costs one question a second, not one
 * per read.
 */
final class PoolStaleRecorder implements StaleRecorder {
    /** How long an answer about the stale copy is used before asking again. */
    static final long ANSWER_MS = 1_000;

    /** Asks one member a command; the pool's wire in production, a fake in tests. */
    @FunctionalInterface
    interface Member {
        CommandReply ask(String member, List<String> words);
    }

    private final Member asker;
    private final List<String> members;
    private final String volume;
    private final int set;
    private final Clock clock;
    private int staleCopy = -1;
    private long answeredAtMs = Long.MIN_VALUE;

    PoolStaleRecorder(Path stateDir, List<String> members, String volume, int set,
            Clock clock) {
        this((member, words) -> NodeClient.remote(stateDir, member, words), members, volume,
                set, clock);
    }

    PoolStaleRecorder(Member asker, List<String> members, String volume, int set,
            Clock clock) {
        this.asker = asker;
        this.members = List.copyOf(members);
        this.volume = volume;
        this.set = set;
        this.clock = clock;
    }

    @Override
    public void recordStale(int staleChild) throws FsException {
        String answer = ask(List.of("volume", "stale-copy", volume, Integer.toString(set),
                Integer.toString(staleChild)));
        remember(Integer.parseInt(answer));
    }

    @Override
    public boolean isRecordedStale(int child) throws FsException {
        synchronized (this) {
            if (clock.millis() - answeredAtMs < ANSWER_MS) {
                return staleCopy == child;
            }
        }
        String answer = ask(List.of("volume", "stale-copy", volume, Integer.toString(set)));
        int copy = answer.equals("none") ? -1 : Integer.parseInt(answer);
        remember(copy);
        return copy == child;
    }

    private synchronized void remember(int copy) {
        staleCopy = copy;
        answeredAtMs = clock.millis();
    }

    /** The one-line answer of the first member that answers; EROFS when none does. */
    private String ask(List<String> words) throws FsException {
        StringBuilder failures = new StringBuilder();
        for (String member : members) {
            try {
                CommandReply reply = asker.ask(member, words);
                String out = reply.out().strip();
                if (reply.exitCode() == 0 && out.matches("none|[0-9]")) {
                    return out;
                }
                failures.append(member).append(": ").append((reply.err() + out).strip())
                        .append("; ");
                if (reply.err().contains(StaleCopies.OTHER_RECORDED)) {
                    break;
                }
            } catch (UserError e) {
                failures.append(member).append(": ").append(e.getMessage()).append("; ");
            }
        }
        throw new FsException(Errno.EROFS, "the pool's tie-breaker did not answer for set "
                + set + " of " + volume + ": " + failures);
    }
}
