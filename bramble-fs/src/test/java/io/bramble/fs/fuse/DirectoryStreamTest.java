package io.bramble.fs.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DirectoryStreamTest {
    /** A directory whose names can change between pages, and a count of page requests. */
    private final TreeSet<String> names = new TreeSet<>();
    private final List<String> asked = new ArrayList<>();

    private DirPage page(String after, int max) {
        asked.add(String.valueOf(after));
        List<DirEntry> entries = new ArrayList<>();
        for (String name : after == null ? names : names.tailSet(after, false)) {
            if (entries.size() == max) {
                return new DirPage(entries, false);
            }
            entries.add(new DirEntry(name, new Attr(new FileId(1, name.hashCode()), 0100644,
                    1, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        return new DirPage(entries, true);
    }

    private List<String> readAll(DirectoryStream stream, long from) throws FsException {
        List<String> read = new ArrayList<>();
        for (long position = from;; position++) {
            DirEntry entry = stream.entry(position);
            if (entry == null) {
                return read;
            }
            read.add(entry.name());
        }
    }

    @Test
    void fetchesPagesOnlyAsTheReaderGetsThere() throws FsException {
        for (int i = 0; i < 10; i++) {
            names.add("f" + i);
        }
        DirectoryStream stream = new DirectoryStream(this::page, 4);
        assertThat(stream.entry(0).name()).isEqualTo("f0");
        assertThat(asked).containsExactly("null");
        assertThat(readAll(stream, 0)).hasSize(10);
        assertThat(asked).containsExactly("null", "f3", "f7");
        assertThat(stream.entry(10)).isNull();
    }

    @Test
    void rereadsFromTheKeptPagesAndRelistsForOlderPositions() throws FsException {
        for (int i = 0; i < 10; i++) {
            names.add("f" + i);
        }
        DirectoryStream stream = new DirectoryStream(this::page, 3);
        readAll(stream, 0);
        asked.clear();
        assertThat(stream.entry(6).name()).as("kept: the last two pages").isEqualTo("f6");
        assertThat(asked).isEmpty();
        assertThat(stream.entry(1).name()).isEqualTo("f1");
        assertThat(asked).containsExactly("null");
    }

    @Test
    void aDirectoryChangingWhileListedLosesAndRepeatsNothing() throws FsException {
        for (int i = 0; i < 6; i++) {
            names.add("f" + i);
        }
        DirectoryStream stream = new DirectoryStream(this::page, 3);
        assertThat(stream.entry(0).name()).isEqualTo("f0");
        names.remove("f1");
        names.add("f4a");
        assertThat(readAll(stream, 0)).containsExactly("f0", "f1", "f2", "f3", "f4", "f4a",
                "f5");
        stream.rewind();
        assertThat(readAll(stream, 0)).containsExactly("f0", "f2", "f3", "f4", "f4a", "f5");
    }

    @Test
    void anEmptyPageClaimingMoreEndsTheListing() throws FsException {
        DirectoryStream stream = new DirectoryStream((after, max) -> new DirPage(List.of(),
                false), 10);
        assertThat(stream.entry(0)).isNull();
    }
}
