package io.bramble.fs.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FsPathTest {
    @Test
    void parsesAndPrintsPaths() {
        FsPath path = FsPath.parse("/a/b");
        assertThat(path.names()).containsExactly("a", "b");
        assertThat(path.parent()).isEqualTo(FsPath.parse("/a"));
        assertThat(path.name()).isEqualTo("b");
        assertThat(path.toString()).isEqualTo("/a/b");
        assertThat(FsPath.ROOT.toString()).isEqualTo("/");
        assertThat(FsPath.ROOT.parent()).isEqualTo(FsPath.ROOT);
        assertThat(path.startsWith(FsPath.parse("/a"))).isTrue();
        assertThat(FsPath.parse("/ab").startsWith(FsPath.parse("/a"))).isFalse();
    }

    @Test
    void refusesNamesNoFileSystemAllows() {
        assertThatThrownBy(() -> FsPath.parse("/a/../b")).hasMessageContaining("bad file name");
        assertThatThrownBy(() -> FsPath.parse("/a//b")).hasMessageContaining("bad file name");
        assertThatThrownBy(() -> FsPath.parse("a/b")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> FsPath.ROOT.child("x".repeat(256)))
                .hasMessageContaining("bad file name");
        assertThat(FsPath.isValidName("x".repeat(255))).isTrue();
    }

    @Test
    void memoryFilesBehaveAsAFileSystem() throws FsException {
        MemoryFileOps files = new MemoryFileOps();
        Caller alice = new Caller(1000, 1000, new int[0], 1);
        files.mkdir(alice, FsPath.parse("/d"), FileId.of(java.util.UUID.randomUUID()), 0755);
        Opened opened = files.create(alice, FsPath.parse("/d/f"),
                FileId.of(java.util.UUID.randomUUID()), 0644, OpenFlags.WRONLY);
        files.write(opened.handle(), 3, new byte[]{1, 2});
        assertThat(files.read(opened.handle(), 0, 10)).containsExactly(0, 0, 0, 1, 2);
        assertThat(files.getattr(alice, FsPath.parse("/d/f")).uid()).isEqualTo(1000);
        assertThat(files.readdir(alice, FsPath.parse("/d"), null, 10).entries())
                .extracting(DirEntry::name).containsExactly("f");
        assertThatThrownBy(() -> files.rmdir(alice, FsPath.parse("/d")))
                .isInstanceOf(FsException.class).hasMessageContaining("ENOTEMPTY");
    }
}
