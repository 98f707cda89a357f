package io.bramble.fs.stripe;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.List;

/**
 * The children of a {@link Stripe} and how a change of a name reaches all of them: child 0
 * first, as the one that decides (its failure changes nothing elsewhere), then the others in
 * order. Calls are sequential: a stripe has few children and names change rarely next to data.
 */
final class StripeChildren {
    /** One call on one child. */
    @FunctionalInterface
    interface Call<T> {
        T on(int child, FileOps ops) throws FsException;
    }

    /** Takes back what a call did on one child, after a later child refused it. */
    @FunctionalInterface
    interface Undo {
        void on(int child, FileOps ops) throws FsException;
    }

    private final List<FileOps> children;

    StripeChildren(List<FileOps> children) {
        this.children = List.copyOf(children);
    }

    int count() {
        return children.size();
    }

    FileOps ops(int child) {
        return children.get(child);
    }

    /**
     * Makes something on every child; when a child refuses, what the earlier ones made is
     * taken back (as far as they let it), so that a name exists everywhere or nowhere.
     * Returns each child's answer, in child order.
     */
    <T> List<T> make(Call<T> call, Undo undo) throws FsException {
        List<T> answers = new ArrayList<>(children.size());
        for (int child = 0; child < children.size(); child++) {
            try {
                answers.add(call.on(child, children.get(child)));
            } catch (FsException e) {
                for (int made = child - 1; made >= 0; made--) {
                    try {
                        undo.on(made, children.get(made));
                    } catch (FsException again) {
                        e.addSuppressed(again);
                    }
                }
                throw e;
            }
        }
        return answers;
    }

    /**
     * Changes every child: child 0 first, whose failure is thrown at once; then every other
     * child, each tried even when one before it failed. A later child that no longer has the
     * name (ENOENT) has nothing to change; any other failure is thrown once all were tried.
     * Returns the answers of the children that gave one (child 0's first).
     */
    <T> List<T> change(Call<T> call) throws FsException {
        List<T> answers = new ArrayList<>(children.size());
        answers.add(call.on(0, children.getFirst()));
        FsException failure = null;
        for (int child = 1; child < children.size(); child++) {
            try {
                answers.add(call.on(child, children.get(child)));
            } catch (FsException e) {
                if (e.errno() == Errno.ENOENT) {
                    continue;
                }
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return answers;
    }

    /** Asks every child in order; the first failure is thrown. */
    <T> List<T> ask(Call<T> call) throws FsException {
        List<T> answers = new ArrayList<>(children.size());
        for (int child = 0; child < children.size(); child++) {
            answers.add(call.on(child, children.get(child)));
        }
        return answers;
    }

    /** Calls every child, each even when one before failed; throws the first failure. */
    void each(Call<?> call) throws FsException {
        FsException failure = null;
        for (int child = 0; child < children.size(); child++) {
            try {
                call.on(child, children.get(child));
            } catch (FsException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    void close() {
        children.forEach(FileOps::close);
    }
}
