package io.bramble.fs.disperse;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.replicate.ChildSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Sends one call to several children at once on the executor and waits for all of them. The
 * children bound their own calls ({@link FileOps}: every call ends by the layer's deadline),
 * so no deadline is kept here. An executor that runs calls in the caller's thread makes the
 * translator deterministic for tests.
 */
final class ChildCalls {
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
                answers.failed(child, e.getCause() instanceof FsException fs
                        ? fs.errno()
                        : Errno.EIO);
            }
        }
        return answers;
    }

    /** Every child of the set. */
    ChildSet all() {
        return ChildSet.all(children.size());
    }
}
