package io.bramble.fs.replicate;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one call to several copies at once on the executor and waits for every answer or the
 * deadline, whichever comes first. A copy that has not answered by then counts as ETIMEDOUT;
 * what it returns later goes to a clean-up hook (a handle opened too late is released). Every
 * answer also tells {@link ChildHealth} whether the copy is reachable.
 */
final class Fanout {
    private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);

    private final List<FileOps> children;
    private final Executor executor;
    private final long deadlineMs;
    private final ChildHealth health;

    Fanout(List<FileOps> children, Executor executor, long deadlineMs, ChildHealth health) {
        this.children = children;
        this.executor = executor;
        this.deadlineMs = deadlineMs;
        this.health = health;
    }

    <T> Answers<T> call(ChildSet targets, ChildCall<T> call) {
        return call(targets, call, null);
    }

    @SuppressWarnings("unchecked")
    <T> Answers<T> call(ChildSet targets, ChildCall<T> call, Consumer<T> late) {
        CompletableFuture<T>[] futures = new CompletableFuture[children.size()];
        for (int child : targets.indexes()) {
            futures[child] = CompletableFuture.supplyAsync(() -> {
                try {
                    return call.call(child, children.get(child));
                } catch (FsException e) {
                    throw new CompletionException(e);
                }
            }, executor);
        }
        boolean interrupted = await(targets, futures);
        Answers<T> answers = new Answers<>(children.size());
        for (int child : targets.indexes()) {
            collect(child, futures[child], answers, late, interrupted);
        }
        return answers;
    }

    private boolean await(ChildSet targets, CompletableFuture<?>[] futures) {
        CompletableFuture<?>[] sent = new CompletableFuture[targets.size()];
        int[] indexes = targets.indexes();
        for (int i = 0; i < indexes.length; i++) {
            sent[i] = futures[indexes[i]];
        }
        try {
            CompletableFuture.allOf(sent).get(deadlineMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Each copy's own result is read below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return false;
    }

    private <T> void collect(int child, CompletableFuture<T> future, Answers<T> answers,
            Consumer<T> late, boolean interrupted) {
        if (!future.isDone()) {
            answers.failed(child, interrupted ? Errno.EINTR : Errno.ETIMEDOUT);
            if (!interrupted) {
                health.unreachable(child);
            }
            if (late != null) {
                future.thenAccept(late);
            }
            return;
        }
        try {
            answers.answered(child, future.join());
            health.answered(child);
        } catch (CompletionException e) {
            int errno = errnoOf(e.getCause());
            answers.failed(child, errno);
            if (Outcomes.isLostConnection(errno)) {
                health.unreachable(child);
            } else {
                health.answered(child);
            }
        }
    }

    private static int errnoOf(Throwable failure) {
        if (failure instanceof FsException fs) {
            return fs.errno();
        }
        LOG.error("a copy failed with an unexpected exception", failure);
        return Errno.EIO;
    }
}
