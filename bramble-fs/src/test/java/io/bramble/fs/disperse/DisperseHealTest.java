package io.bramble.fs.disperse;

import static io.bramble.fs.disperse.DisperseSet.ALICE;
import static io.bramble.fs.disperse.DisperseTest.mark;
import static io.bramble.fs.disperse.DisperseTest.random;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.PendingCounters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DisperseHeal} over in-memory bricks: names, fragments, attributes, then the marks. */
class DisperseHealTest {
    private static final FsPath ROOT = FsPath.ROOT;

    @Test
    void aChildBackFromAnOutageGetsTheNamesDataAndAttributesItMissed() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        byte[] keep = random(5000, 1);
        set.writeFile(FsPath.parse("/keep"), keep);
        set.writeFile(FsPath.parse("/gone"), random(700, 2));
        set.down(2);
        set.disperse.unlink(ALICE, FsPath.parse("/gone"));
        set.disperse.mkdir(ALICE, FsPath.parse("/new"), set.newId(), 0750);
        byte[] inner = random(3333, 3);
        set.writeFile(FsPath.parse("/new/inner"), inner);
        set.disperse.symlink(ALICE, FsPath.parse("/new/link"), set.newId(), "inner");
        byte[] patch = random(1000, 4);
        Opened opened = set.disperse.open(ALICE, FsPath.parse("/keep"), OpenFlags.RDWR);
        set.disperse.write(opened.handle(), 4500, patch);
        set.disperse.release(opened.handle());
        set.disperse.setattr(ALICE, FsPath.parse("/keep"), SetAttr.chmod(0600));
        set.allUp();

        HealProgress progress = new HealProgress();
        DisperseHeal heal = set.disperse.pathHealer(progress);
        // The index lists /, /new, /new/inner and /keep on children 0 and 1; child 0's node
        // heals them, the folders first. /new is made with what it holds on child 2.
        assertThat(heal.heal(ROOT, 1)).isEqualTo(HealOutcome.NOT_MINE);
        assertThat(heal.heal(ROOT, 0)).isEqualTo(HealOutcome.HEALED);
        assertThat(heal.heal(FsPath.parse("/new"), 0)).isEqualTo(HealOutcome.HEALED);
        assertThat(heal.heal(FsPath.parse("/keep"), 0)).isEqualTo(HealOutcome.HEALED);
        assertThat(heal.heal(FsPath.parse("/new/inner"), 0)).isEqualTo(HealOutcome.CLEAN);
        assertThat(progress.filesHealed()).isEqualTo(3);
        // Child 2's fragments of /new/inner (3,333 bytes: 4 stripes of 1,024, 512 bytes of
        // each) and of /keep (5,500 bytes: 6 stripes).
        assertThat(progress.bytesCopied()).isEqualTo((4 + 6) * 512);

        for (String path : List.of("/", "/keep", "/new", "/new/inner")) {
            for (int holder = 0; holder < 3; holder++) {
                for (int blamed = 0; blamed < 3; blamed++) {
                    assertThat(mark(set, holder, FsPath.parse(path), blamed).isZero()).as(
                            "mark on %s of child %d against %d", path, holder, blamed).isTrue();
                }
            }
        }
        assertThat(names(set, 2, ROOT)).containsExactly("keep", "new");
        assertThat(names(set, 2, FsPath.parse("/new"))).containsExactly("inner", "link");
        assertThat(set.bricks.get(2).readlink(Caller.ROOT, FsPath.parse("/new/link")))
                .isEqualTo("inner");
        assertThat(set.bricks.get(2).getattr(Caller.ROOT, FsPath.parse("/new")).permissions())
                .isEqualTo(0750);
        assertThat(set.bricks.get(2).getattr(Caller.ROOT, FsPath.parse("/new")).id()).isEqualTo(
                set.bricks.get(0).getattr(Caller.ROOT, FsPath.parse("/new")).id());
        assertThat(set.bricks.get(2).getattr(Caller.ROOT, FsPath.parse("/keep")).permissions())
                .isEqualTo(0600);
        // Child 2's fragments are whole: with child 0 lost, 1 and 2 give every byte.
        set.down(0);
        byte[] expected = java.util.Arrays.copyOf(keep, 5500);
        System.arraycopy(patch, 0, expected, 4500, 1000);
        assertThat(set.readFile(FsPath.parse("/keep"), 1 << 20)).isEqualTo(expected);
        assertThat(set.readFile(FsPath.parse("/new/inner"), 1 << 20)).isEqualTo(inner);
    }

    @Test
    void aPathIsLeftWaitingWhileTooFewChildrenAnswer() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FsPath.parse("/f"), random(100, 5));
        set.down(2);
        set.writeFile(FsPath.parse("/g"), random(100, 6));
        set.down(1);
        assertThat(set.disperse.pathHealer().heal(ROOT, 0)).isEqualTo(HealOutcome.WAITING);
        set.allUp();
        assertThat(set.disperse.pathHealer().heal(ROOT, 0)).isEqualTo(HealOutcome.HEALED);
        assertThat(names(set, 2, ROOT)).containsExactly("f", "g");
    }

    private static List<String> names(DisperseSet set, int child, FsPath dir)
            throws FsException {
        return set.bricks.get(child).readdir(Caller.ROOT, dir, null, 100).entries().stream()
                .map(DirEntry::name).filter(n -> !n.startsWith(".")).sorted().toList();
    }

    @Test
    void aFullHealFindsWhatLostMarksNoLongerPointAt() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.disperse.mkdir(ALICE, FsPath.parse("/d"), set.newId(), 0755);
        byte[] old = random(4000, 7);
        set.writeFile(FsPath.parse("/d/f"), old);
        set.down(1);
        byte[] data = random(9000, 8);
        set.writeFile(FsPath.parse("/d/f"), data);
        set.writeFile(FsPath.parse("/d/g"), random(10, 9));
        set.allUp();
        // The marks are lost (a brick restored from a backup): only versions and names tell.
        for (int holder : new int[]{0, 2}) {
            for (String path : List.of("/", "/d", "/d/f", "/d/g")) {
                try {
                    set.bricks.get(holder).removexattr(Caller.ROOT, FsPath.parse(path),
                            PendingCounters.name(1));
                } catch (FsException e) {
                    // no mark there
                }
            }
        }
        DisperseHeal heal = set.disperse.pathHealer();
        assertThat(heal.heal(FsPath.parse("/d/f"), 0)).isEqualTo(HealOutcome.CLEAN);
        java.util.List<HealOutcome> outcomes = new java.util.ArrayList<>();
        assertThat(heal.healTree(ROOT, 2, outcomes::add)).isFalse();
        assertThat(heal.healTree(ROOT, 0, outcomes::add)).isTrue();
        assertThat(outcomes).containsExactly(HealOutcome.CLEAN, HealOutcome.HEALED,
                HealOutcome.HEALED, HealOutcome.CLEAN);
        assertThat(names(set, 1, FsPath.parse("/d"))).containsExactly("f", "g");
        set.down(0);
        assertThat(set.readFile(FsPath.parse("/d/f"), 1 << 20)).isEqualTo(data);
    }
}
