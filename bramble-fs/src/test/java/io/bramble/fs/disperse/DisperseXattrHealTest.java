package io.bramble.fs.disperse;

import static io.bramble.fs.disperse.DisperseSet.ALICE;
import static io.bramble.fs.disperse.DisperseTest.mark;
import static io.bramble.fs.disperse.DisperseTest.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Applications' xattrs on a disperse set whose child missed their changes: read back from the
 * fresh children before the heal, then healed on the stale one.
 */
class DisperseXattrHealTest {
    private static final FsPath FILE = FsPath.parse("/f");
    private static final FsPath DIR = FsPath.parse("/d");

    @Test
    void aFileWhoseXattrsChangedWhileAChildWasAwayReadsTheNewOnesAndHealsThem()
            throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(3000, 1));
        set.disperse.setxattr(ALICE, FILE, "user.colour", bytes("red"), 0);
        set.disperse.setxattr(ALICE, FILE, "user.shape", bytes("round"), 0);
        // Child 0, the first to answer, misses the changes.
        set.down(0);
        set.disperse.setxattr(ALICE, FILE, "user.colour", bytes("blue"), 0);
        set.disperse.removexattr(ALICE, FILE, "user.shape");
        set.disperse.setxattr(ALICE, FILE, "user.size", bytes("big"), 0);
        set.allUp();

        assertThat(mark(set, 1, FILE, 0).metadata()).isPositive();
        assertThat(set.disperse.getxattr(ALICE, FILE, "user.colour")).isEqualTo(bytes("blue"));
        assertThatThrownBy(() -> set.disperse.getxattr(ALICE, FILE, "user.shape"))
                .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.errno())
                        .isEqualTo(Errno.ENODATA));
        assertThat(set.disperse.listxattr(ALICE, FILE)).filteredOn(n -> n.startsWith("user."))
                .containsExactlyInAnyOrder("user.colour", "user.size");

        assertThat(heal(set, FILE)).isEqualTo(HealOutcome.HEALED);
        assertEveryChildHolds(set, FILE, Map.of("user.colour", "blue", "user.size", "big"));
        assertNoMarks(set, FILE);
        // Child 0's fragment keeps its own state and rebuilds the file with either other.
        set.down(1);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(random(3000, 1));
    }

    @Test
    void aFolderWhoseXattrsChangedWhileAChildWasAwayHealsThem() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        set.disperse.mkdir(ALICE, DIR, set.newId(), 0755);
        set.disperse.setxattr(ALICE, DIR, "user.old", bytes("1"), 0);
        set.disperse.setxattr(ALICE, DIR, "trusted.app", bytes("a"), 0);
        set.down(0, 3);
        set.disperse.removexattr(ALICE, DIR, "user.old");
        set.disperse.setxattr(ALICE, DIR, "trusted.app", bytes("b"), 0);
        set.disperse.setattr(ALICE, DIR, SetAttr.chmod(0700));
        set.allUp();

        assertThat(set.disperse.listxattr(Caller.ROOT, DIR)).filteredOn(n -> !n.startsWith(
                "trusted.bramble.")).containsExactly("trusted.app");
        assertThat(set.disperse.getxattr(Caller.ROOT, DIR, "trusted.app")).isEqualTo(bytes(
                "b"));

        assertThat(heal(set, DIR)).isEqualTo(HealOutcome.HEALED);
        assertEveryChildHolds(set, DIR, Map.of("trusted.app", "b"));
        for (int child = 0; child < set.size(); child++) {
            assertThat(set.bricks.get(child).getattr(Caller.ROOT, DIR).permissions()).isEqualTo(
                    0700);
        }
        assertNoMarks(set, DIR);
    }

    @Test
    void aFileThatAlsoMissedDataGetsItsFragmentAndItsXattrs() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        set.writeFile(FILE, random(9000, 2));
        set.down(1, 5);
        set.writeFile(FILE, random(20000, 3));
        set.disperse.setxattr(ALICE, FILE, "user.colour", bytes("green"), 0);
        set.allUp();

        assertThat(set.disperse.getxattr(ALICE, FILE, "user.colour")).isEqualTo(bytes("green"));
        assertThat(heal(set, FILE)).isEqualTo(HealOutcome.HEALED);
        assertEveryChildHolds(set, FILE, Map.of("user.colour", "green"));
        assertNoMarks(set, FILE);
        for (int child = 1; child < set.size(); child++) {
            assertThat(set.state(child, FILE)).isEqualTo(set.state(0, FILE));
        }
        set.down(0, 2);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(random(20000, 3));
    }

    @Test
    void aNameTheHealMakesKeepsTheXattrsOfWhatItNames() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(1500, 4));
        set.disperse.setxattr(ALICE, FILE, "user.colour", bytes("red"), 0);
        set.disperse.mkdir(ALICE, DIR, set.newId(), 0755);
        set.disperse.setxattr(ALICE, DIR, "user.tag", bytes("t"), 0);
        // Renames mark the folder only: nothing marks the file or the folder renamed.
        set.down(2);
        set.disperse.rename(ALICE, FILE, FsPath.parse("/g"), 0);
        set.disperse.rename(ALICE, DIR, FsPath.parse("/e"), 0);
        set.allUp();

        assertThat(heal(set, FsPath.ROOT)).isEqualTo(HealOutcome.HEALED);
        assertEveryChildHolds(set, FsPath.parse("/g"), Map.of("user.colour", "red"));
        assertEveryChildHolds(set, FsPath.parse("/e"), Map.of("user.tag", "t"));
        set.down(0);
        assertThat(set.readFile(FsPath.parse("/g"), 1 << 20)).isEqualTo(random(1500, 4));
    }

    @Test
    void withEveryChildMarkedReadsAnswerWhatDAgreeOnOrEio() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(100, 5));
        // Each child misses one change: none took them all, and no heal runs between.
        for (int child = 0; child < 3; child++) {
            set.down(child);
            set.disperse.setxattr(ALICE, FILE, "user.n" + child, bytes("v" + child), 0);
            set.allUp();
        }
        for (int child = 0; child < 3; child++) {
            assertThat(set.disperse.getxattr(ALICE, FILE, "user.n" + child)).isEqualTo(bytes(
                    "v" + child));
        }
        assertThat(set.disperse.listxattr(ALICE, FILE)).filteredOn(n -> n.startsWith("user."))
                .containsExactly("user.n0", "user.n1", "user.n2");
        // Children 1 and 2 agree on user.n0 only: child 1 missed user.n1, child 2 user.n2.
        set.down(0);
        assertThat(set.disperse.getxattr(ALICE, FILE, "user.n0")).isEqualTo(bytes("v0"));
        for (String name : List.of("user.n1", "user.n2")) {
            assertThatThrownBy(() -> set.disperse.getxattr(ALICE, FILE, name))
                    .isInstanceOfSatisfying(FsException.class, e -> assertThat(e.errno())
                            .isEqualTo(Errno.EIO));
        }
        assertThatThrownBy(() -> set.disperse.listxattr(ALICE, FILE)).isInstanceOfSatisfying(
                FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EIO));
    }

    /** Heals {@code path} as the node of the first child holding marks on it does. */
    static HealOutcome heal(DisperseSet set, FsPath path) throws FsException {
        DisperseHeal heal = set.disperse.pathHealer();
        for (int local = 0; local < set.size(); local++) {
            HealOutcome outcome = heal.heal(path, local);
            if (outcome != HealOutcome.NOT_MINE) {
                return outcome;
            }
        }
        return HealOutcome.NOT_MINE;
    }

    /** Every brick holds exactly {@code expected} of the applications' xattrs at {@code path}. */
    static void assertEveryChildHolds(DisperseSet set, FsPath path, Map<String, String> expected)
            throws FsException {
        for (int child = 0; child < set.size(); child++) {
            assertThat(applications(set, child, path)).as("child %d", child).isEqualTo(
                    new TreeMap<>(expected));
        }
    }

    /** The applications' xattrs brick {@code child} holds at {@code path}, values as text. */
    static Map<String, String> applications(DisperseSet set, int child, FsPath path)
            throws FsException {
        Map<String, String> held = new TreeMap<>();
        MetadataSource.applications(set.bricks.get(child).getattrXattrs(Caller.ROOT, path, "")
                .xattrs()).forEach(
                        (name, value) -> held.put(name, new String(value,
                                StandardCharsets.UTF_8)));
        return held;
    }

    static void assertNoMarks(DisperseSet set, FsPath path) throws FsException {
        for (int holder = 0; holder < set.size(); holder++) {
            for (int blamed = 0; blamed < set.size(); blamed++) {
                assertThat(mark(set, holder, path, blamed).isZero()).as("mark of %d against %d",
                        holder, blamed).isTrue();
            }
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
