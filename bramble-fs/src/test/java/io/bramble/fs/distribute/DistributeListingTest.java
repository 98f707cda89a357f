package io.bramble.fs.distribute;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/**
 * Whatever names a directory holds, however many were renamed (leaving pointers) and whatever
 * the page size, a listing shows every name exactly once, in order, and nothing else.
 */
class DistributeListingTest {
    @Property(tries = 100)
    void listingsShowEachNameOnceInOrder(
            @ForAll @Size(max = 40) @UniqueElements List<@AlphaChars @StringLength(
                    min = 1,
                    max = 6) String> names,
            @ForAll @Size(max = 40) List<Boolean> renamed,
            @ForAll @IntRange(min = 1, max = 9) int pageSize,
            @ForAll @IntRange(min = 1, max = 4) int subvolumeCount) throws FsException {
        List<Subvolume> subvolumes = new ArrayList<>();
        for (int i = 0; i < subvolumeCount; i++) {
            subvolumes.add(new Subvolume("s" + i, new MemoryFileOps()));
        }
        Distribute files = new Distribute(subvolumes);
        FsPath dir = FsPath.parse("/d");
        files.mkdir(Caller.ROOT, dir, FileId.of(new UUID(1, 1)), 0755);
        TreeSet<String> expected = new TreeSet<>();
        long id = 10;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            boolean rename = i < renamed.size() && renamed.get(i);
            String created = rename ? name + "-tmp" : name;
            if (expected.contains(created)) {
                continue;
            }
            var opened = files.create(Caller.ROOT, dir.child(created),
                    FileId.of(new UUID(2, id++)), 0644, OpenFlags.RDWR | OpenFlags.EXCL);
            files.release(opened.handle());
            if (rename) {
                files.rename(Caller.ROOT, dir.child(created), dir.child(name), 0);
                expected.remove(created);
            }
            expected.add(name);
        }
        assertThat(DistributeTest.list(files, "/d", pageSize))
                .containsExactlyElementsOf(expected);
    }
}
