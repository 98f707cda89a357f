package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import org.junit.jupiter.api.Test;

class NodeTableTest {
    private static final long ROOT = NodeTable.ROOT_ID;
    private final NodeTable table = new NodeTable(directory(FileId.ROOT));

    private static Attr directory(FileId id) {
        return new Attr(id, 040755, 2, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Attr file(long id) {
        return new Attr(new FileId(7, id), 0100644, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Attr dir(long id) {
        return directory(new FileId(8, id));
    }

    @Test
    void lookupsAreCountedAndForgottenToZero() throws FsException {
        long a = table.remember(ROOT, "a", file(1));
        assertThat(table.remember(ROOT, "a", file(1))).isEqualTo(a);
        assertThat(a).isGreaterThan(ROOT);
        assertThat(table.lookups(a)).isEqualTo(2);
        assertThat(table.path(a)).isEqualTo(FsPath.parse("/a"));
        table.forget(a, 1);
        assertThat(table.path(a)).isEqualTo(FsPath.parse("/a"));
        table.forget(a, 1);
        assertThat(table.size()).isEqualTo(1);
        assertThatThrownBy(() -> table.path(a)).isInstanceOfSatisfying(FsException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ESTALE));
        long again = table.remember(ROOT, "a", file(1));
        assertThat(again).as("node ids are never reused").isNotEqualTo(a);
        table.forget(ROOT, 100);
        assertThat(table.path(ROOT)).isEqualTo(FsPath.ROOT);
    }

    @Test
    void hardLinksShareOneNodeAndSurviveTheLossOfOneName() throws FsException {
        long d = table.remember(ROOT, "d", dir(1));
        long x = table.remember(ROOT, "x", file(2));
        assertThat(table.remember(d, "y", file(2))).isEqualTo(x);
        table.removed(ROOT, "x");
        assertThat(table.path(x)).isEqualTo(FsPath.parse("/d/y"));
        table.removed(d, "y");
        assertThatThrownBy(() -> table.path(x)).isInstanceOfSatisfying(FsException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        assertThat(table.lastAttr(x)).isEqualTo(file(2));
    }

    @Test
    void renamingADirectoryMovesEverythingKnownBelowIt() throws FsException {
        long a = table.remember(ROOT, "a", dir(1));
        long b = table.remember(a, "b", dir(2));
        long c = table.remember(b, "c", file(3));
        long sibling = table.remember(ROOT, "a2", file(4));
        table.renamed(ROOT, "a", ROOT, "z");
        assertThat(table.path(a)).isEqualTo(FsPath.parse("/z"));
        assertThat(table.path(b)).isEqualTo(FsPath.parse("/z/b"));
        assertThat(table.path(c)).isEqualTo(FsPath.parse("/z/b/c"));
        assertThat(table.path(sibling)).isEqualTo(FsPath.parse("/a2"));
        assertThat(table.childPath(b, "new")).isEqualTo(FsPath.parse("/z/b/new"));
    }

    @Test
    void renamingOverAFileOrphansTheReplacedOne() throws FsException {
        long from = table.remember(ROOT, "from", file(1));
        long to = table.remember(ROOT, "to", file(2));
        table.renamed(ROOT, "from", ROOT, "to");
        assertThat(table.path(from)).isEqualTo(FsPath.parse("/to"));
        assertThatThrownBy(() -> table.path(to)).isInstanceOf(FsException.class);
        assertThat(table.nodeAt(FsPath.parse("/from"))).isZero();
    }

    @Test
    void renamingOneLinkOntoAnotherOfTheSameFileChangesNothing() throws FsException {
        long x = table.remember(ROOT, "x", file(1));
        table.remember(ROOT, "y", file(1));
        table.renamed(ROOT, "x", ROOT, "y");
        assertThat(table.nodeAt(FsPath.parse("/x"))).isEqualTo(x);
        assertThat(table.nodeAt(FsPath.parse("/y"))).isEqualTo(x);
    }

    @Test
    void exchangeSwapsTwoSubtrees() throws FsException {
        long a = table.remember(ROOT, "a", dir(1));
        long inA = table.remember(a, "f", file(2));
        long b = table.remember(ROOT, "b", file(3));
        table.exchanged(ROOT, "a", ROOT, "b");
        assertThat(table.path(a)).isEqualTo(FsPath.parse("/b"));
        assertThat(table.path(inA)).isEqualTo(FsPath.parse("/b/f"));
        assertThat(table.path(b)).isEqualTo(FsPath.parse("/a"));
    }

    @Test
    void aNameNowHoldingAnotherFileMovesToTheNewNode() throws FsException {
        long old = table.remember(ROOT, "n", file(1));
        long replaced = table.remember(ROOT, "n", file(2));
        assertThat(replaced).isNotEqualTo(old);
        assertThat(table.nodeAt(FsPath.parse("/n"))).isEqualTo(replaced);
        assertThatThrownBy(() -> table.path(old)).isInstanceOf(FsException.class);
    }

    @Test
    void aDirectoryFoundUnderANewNameTakesItsSubtreeAlong() throws FsException {
        long d = table.remember(ROOT, "d", dir(1));
        long f = table.remember(d, "f", file(2));
        assertThat(table.remember(ROOT, "moved", dir(1))).isEqualTo(d);
        assertThat(table.path(d)).isEqualTo(FsPath.parse("/moved"));
        assertThat(table.path(f)).isEqualTo(FsPath.parse("/moved/f"));
        assertThat(table.nodeAt(FsPath.parse("/d"))).isZero();
    }

    @Test
    void badNamesGetTheErrnoTheKernelExpects() {
        assertThatThrownBy(() -> table.childPath(ROOT, "x".repeat(256)))
                .isInstanceOfSatisfying(FsException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.ENAMETOOLONG));
        assertThatThrownBy(() -> table.childPath(ROOT, ".."))
                .isInstanceOfSatisfying(FsException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> table.remember(ROOT, "root-again", directory(FileId.ROOT)))
                .isInstanceOfSatisfying(FsException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EIO));
    }
}
