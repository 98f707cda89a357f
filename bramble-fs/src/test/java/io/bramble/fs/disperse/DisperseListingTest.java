package io.bramble.fs.disperse;

import static io.bramble.fs.disperse.DisperseSet.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.XattrsPage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A disperse listing shows what a lookup of each name shows, in one round per page. */
class DisperseListingTest {
    static final FsPath DIR = FsPath.parse("/d");

    /** Every page of {@code dir}, {@code entriesMax} names at a time. */
    static List<DirEntry> listAll(DisperseSet set, FsPath dir, int entriesMax)
            throws FsException {
        List<DirEntry> all = new ArrayList<>();
        String after = null;
        while (true) {
            DirPage page = set.disperse.readdir(ALICE, dir, after, entriesMax);
            all.addAll(page.entries());
            if (page.complete()) {
                return all;
            }
            after = page.lastName();
        }
    }

    /** The listing of {@code dir} is each of its names with what getattr gives of it. */
    static void assertListingMatchesLookups(DisperseSet set, FsPath dir) throws FsException {
        List<DirEntry> listed = listAll(set, dir, 2);
        List<DirEntry> lookedUp = new ArrayList<>();
        for (DirEntry entry : listed) {
            lookedUp.add(new DirEntry(entry.name(), set.disperse.getattr(ALICE, dir.child(entry
                    .name()))));
        }
        assertThat(listed).isEqualTo(lookedUp);
    }

    static DisperseSet folderOfFiles() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.disperse.mkdir(ALICE, DIR, set.newId(), 0755);
        for (int i = 0; i < 5; i++) {
            set.writeFile(DIR.child("f" + i), DisperseTest.random(1000 * i + 7, i));
        }
        set.disperse.mkdir(ALICE, DIR.child("sub"), set.newId(), 0700);
        set.disperse.symlink(ALICE, DIR.child("link"), set.newId(), "f1");
        return set;
    }

    @Test
    void aListingShowsEachFilesSizeAsALookupDoesNotTheFragments() throws FsException {
        DisperseSet set = folderOfFiles();
        List<DirEntry> listed = listAll(set, DIR, 3);
        assertThat(listed).extracting(e -> e.name() + ":" + e.attr().sizeBytes())
                .contains("f0:7", "f3:3007", "f4:4007");
        assertListingMatchesLookups(set, DIR);
    }

    @Test
    void withAChildDownTheListingStillMatchesTheLookups() throws FsException {
        DisperseSet set = folderOfFiles();
        for (int child = 0; child < set.size(); child++) {
            set.allUp();
            set.down(child);
            assertThat(listAll(set, DIR, 2)).hasSize(7);
            assertListingMatchesLookups(set, DIR);
        }
    }

    @Test
    void aStaleFragmentIsNeitherTheSizeNorTheAttributesListed() throws FsException {
        DisperseSet set = folderOfFiles();
        FsPath file = DIR.child("f2");
        set.down(0);
        Opened opened = set.disperse.open(ALICE, file, OpenFlags.RDWR);
        set.disperse.write(opened.handle(), 9000, new byte[100]);
        set.disperse.release(opened.handle());
        set.disperse.setattr(ALICE, DIR.child("f3"), SetAttr.chmod(0600));
        set.allUp();
        assertThat(set.state(0, file).sizeBytes()).isEqualTo(2007);
        assertThat(set.bricks.get(0).getattr(Caller.ROOT, DIR.child("f3")).permissions())
                .isEqualTo(0644);

        List<DirEntry> listed = listAll(set, DIR, 10);
        assertThat(listed).extracting(e -> e.name() + ":" + e.attr().sizeBytes())
                .contains("f2:9100");
        assertThat(listed).filteredOn(e -> e.name().equals("f3"))
                .extracting(e -> e.attr().permissions()).containsExactly(0600);
        assertListingMatchesLookups(set, DIR);
    }

    @Test
    void aFileWrittenWhileAChildWasAwayIsListedAsALookupShowsIt() throws FsException {
        DisperseSet set = folderOfFiles();
        set.down(1);
        set.writeFile(DIR.child("new"), DisperseTest.random(5000, 40));
        set.disperse.unlink(ALICE, DIR.child("f0"));
        set.allUp();
        List<DirEntry> listed = listAll(set, DIR, 2);
        assertThat(listed).extracting(DirEntry::name).contains("new").doesNotContain("f0");
        assertThat(listed).filteredOn(e -> e.name().equals("new"))
                .extracting(e -> e.attr().sizeBytes()).containsExactly(5000L);
        assertListingMatchesLookups(set, DIR);
        set.down(0);
        assertListingMatchesLookups(set, DIR);
    }

    /** The calls of each kind each child has had so far (setting up makes some). */
    static int[][] calls(DisperseSet set, String... operations) {
        int[][] counts = new int[set.size()][operations.length];
        for (int child = 0; child < set.size(); child++) {
            for (int i = 0; i < operations.length; i++) {
                counts[child][i] = set.faulty.get(child).calls(operations[i]);
            }
        }
        return counts;
    }

    /** The calls each child had since {@code before}, per operation. */
    static int[][] since(DisperseSet set, int[][] before, String... operations) {
        int[][] now = calls(set, operations);
        for (int child = 0; child < now.length; child++) {
            for (int i = 0; i < operations.length; i++) {
                now[child][i] -= before[child][i];
            }
        }
        return now;
    }

    static final String[] LISTING_CALLS = {"readdirXattrs", "readdir", "getattr",
            "getattrXattrs"};

    @Test
    void aPageTakesOneCallToEachChildAndNoLookups() throws FsException {
        DisperseSet set = folderOfFiles();
        int[][] before = calls(set, LISTING_CALLS);
        DirPage page = set.disperse.readdir(ALICE, DIR, null, 100);
        assertThat(page.entries()).hasSize(7);
        assertThat(page.complete()).isTrue();
        assertThat(since(set, before, LISTING_CALLS)).isEqualTo(new int[][]{{1, 0, 0, 0},
                {1, 0, 0, 0}, {1, 0, 0, 0}});
    }

    @Test
    void fragmentsOutOfStepAreAskedAgainInOneRoundAndFailAsALookupDoes() throws FsException {
        DisperseSet set = folderOfFiles();
        FsPath file = DIR.child("f1");
        set.bricks.get(0).setxattr(Caller.ROOT, file, FragmentState.XATTR,
                new FragmentState(5, 1007).bytes(), 0);
        set.bricks.get(1).setxattr(Caller.ROOT, file, FragmentState.XATTR,
                new FragmentState(6, 1007).bytes(), 0);
        int[][] before = calls(set, LISTING_CALLS);
        assertThatThrownBy(() -> set.disperse.readdir(ALICE, DIR, null, 100))
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.EIO);
        // The page, then one lookup of the one file out of step.
        assertThat(since(set, before, LISTING_CALLS)).isEqualTo(new int[][]{{1, 0, 0, 1},
                {1, 0, 0, 1}, {1, 0, 0, 1}});
        assertThatThrownBy(() -> set.disperse.getattr(ALICE, file))
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.EIO);
    }

    /** {@code child}, but its listing pages say {@code file}'s fragment is at {@code shown}. */
    static FileOps pagesShowing(FileOps child, String file, FragmentState shown) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object answer;
            try {
                answer = method.invoke(child, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (!method.getName().equals("readdirXattrs")) {
                return answer;
            }
            XattrsPage page = (XattrsPage) answer;
            List<EntryXattrs> entries = new ArrayList<>();
            for (EntryXattrs entry : page.entries()) {
                Map<String, byte[]> xattrs = new HashMap<>(entry.read().xattrs());
                if (entry.name().equals(file)) {
                    xattrs.put(FragmentState.XATTR, shown.bytes());
                }
                entries.add(new EntryXattrs(entry.name(), new AttrXattrs(entry.read().attr(),
                        xattrs)));
            }
            return new XattrsPage(entries, page.complete());
        };
        return (FileOps) Proxy.newProxyInstance(FileOps.class.getClassLoader(),
                new Class<?>[]{FileOps.class}, handler);
    }

    @Test
    void fragmentsOutOfStepInThePagesButInStepSinceAreListedAsALookupShowsThem()
            throws FsException {
        DisperseSet set = folderOfFiles();
        // As when a write moved the fragments on while the bricks listed.
        Disperse listing = new Disperse(List.of(pagesShowing(set.faulty.get(0), "f1",
                FragmentState.EMPTY),
                pagesShowing(set.faulty.get(1), "f1",
                        new FragmentState(99, 1)),
                set.faulty.get(2)), 1, Runnable::run, 16);
        int[][] before = calls(set, LISTING_CALLS);
        DirPage page = listing.readdir(ALICE, DIR, null, 100);
        assertThat(since(set, before, LISTING_CALLS)).isEqualTo(new int[][]{{1, 0, 0, 1},
                {1, 0, 0, 1}, {1, 0, 0, 1}});
        assertThat(page.entries()).filteredOn(e -> e.name().equals("f1"))
                .extracting(DirEntry::attr).containsExactly(set.disperse.getattr(ALICE, DIR
                        .child("f1")));
        assertThat(page.entries()).hasSize(7);
    }
}
