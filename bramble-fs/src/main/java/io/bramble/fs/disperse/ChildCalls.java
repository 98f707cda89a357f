package io.bramble.fs.disperse;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.replicate.ChildSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one call to several children at once on the executor and waits for all of them. The
 * children bound their own calls ({@link FileOps}: every call ends by the layer's deadline),
 * so no deadline is kept here. An executor that runs calls in the caller's thread makes the
 * translator deterministic for tests.
 */
final class ChildCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ChildCalls.class);

    private final List<FileOps> children;
    private final Executor executor;

    ChildCalls(List<FileOps> children, Executor executor) {
        this.children = List.copyOf(children);
        this.executor = executor;
    }

    int size() {
        return children.size();
    }

    FileOps child(int child) {
        return children.get(child);
    }

    @SuppressWarnings("unchecked")
    <T> ChildAnswers<T> call(ChildSet targets, ChildCall<T> call) {
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
        ChildAnswers<T> answers = new ChildAnswers<>(children.size());
        for (int child : targets.indexes()) {
            try {
                answers.answered(child, futures[child].join());
            } catch (CompletionException e) {
                answers.failed(child, errnoOf(e.getCause()));
            }
        }
        return answers;
    }

    private static int errnoOf(Throwable failure) {
        if (failure instanceof FsException fs) {
            return fs.errno();
        }
        LOG.error("a child of a disperse set failed with an unexpected exception", failure);
        return Errno.EIO;
    }

    /** Every child of the set. */
    ChildSet all() {
        return ChildSet.all(children.size());
    }
}
