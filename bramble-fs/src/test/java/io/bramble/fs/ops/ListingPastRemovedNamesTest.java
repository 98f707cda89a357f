package io.bramble.fs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A listing page whose every name is removed while it is read must not come back empty: an
 * empty page ends a listing (the kernel and the translators stop there), so the names after it
 * would be missing from {@code ls}. The page after it is read instead.
 */
class ListingPastRemovedNamesTest {
    private static final FsPath DIR = FsPath.parse("/d");

    @Test
    void aPageWhoseNamesAllWentAwayGivesWayToTheNextPage() throws Exception {
        MemoryFileOps files = new MemoryFileOps();
        files.mkdir(Caller.ROOT, DIR, FileId.of(UUID.randomUUID()), 0755);
        for (String name : new String[]{"a", "b", "c", "d"}) {
            files.mknod(Caller.ROOT, DIR.child(name), FileId.of(UUID.randomUUID()), 0100644, 0);
        }
        // "a" and "b" are listed, then removed before their attributes are read
        FileOps racing = removedWhileRead(files, Set.of("a", "b"));

        XattrsPage first = racing.readdirXattrs(Caller.ROOT, DIR, null, 2, "trusted.");
        assertThat(first.entries()).extracting(EntryXattrs::name).containsExactly("c", "d");
        assertThat(first.complete()).isTrue();

        FileOps allGone = removedWhileRead(files, Set.of("a", "b", "c", "d"));
        XattrsPage none = allGone.readdirXattrs(Caller.ROOT, DIR, null, 2, "trusted.");
        assertThat(none.entries()).isEmpty();
        assertThat(none.complete()).isTrue();
    }

    /** {@code files}, where reading the attributes of {@code removed} names finds nothing. */
    private static FileOps removedWhileRead(FileOps files, Set<String> removed) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getattrXattrs")
                    && removed.contains(((FsPath) args[1]).name())) {
                throw new FsException(Errno.ENOENT, args[1].toString());
            }
            if (method.getName().equals("readdirXattrs")) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(files, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (FileOps) Proxy.newProxyInstance(FileOps.class.getClassLoader(),
                new Class<?>[]{FileOps.class}, handler);
    }
}
