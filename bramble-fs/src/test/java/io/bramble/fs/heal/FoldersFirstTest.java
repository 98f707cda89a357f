package io.bramble.fs.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.FsPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FoldersFirstTest {
    private static List<FsPath> paths(String... texts) {
        return java.util.Arrays.stream(texts).map(FsPath::parse).toList();
    }

    @Test
    void aPathHealsOnlyOnceTheListedFoldersAboveItAreHealed() {
        Set<FsPath> healed = ConcurrentHashMap.newKeySet();
        Map<FsPath, Boolean> aboveDone = new ConcurrentHashMap<>();
        List<FsPath> listed = paths("/d/e/f", "/d/g", "/d", "/d/e", "/x/y");
        List<HealOutcome> outcomes = FoldersFirst.heal(listed, 8, (path, below) -> {
            boolean ready = true;
            for (FsPath at = path; !at.isRoot();) {
                at = at.parent();
                ready &= !listed.contains(at) || healed.contains(at);
            }
            aboveDone.put(path, ready);
            healed.add(path);
            below.run();
            return path.equals(FsPath.parse("/d/g")) ? HealOutcome.GONE : HealOutcome.HEALED;
        });
        assertThat(aboveDone).hasSize(5).doesNotContainValue(false);
        assertThat(outcomes).as("in the order given").containsExactly(HealOutcome.HEALED,
                HealOutcome.GONE, HealOutcome.HEALED, HealOutcome.HEALED, HealOutcome.HEALED);
    }

    /**
     * A file beside a folder heals while the folder's heal runs: the folder's heal here waits
     * for it, which a heal of every path of one depth before the next would never let happen.
     */
    @Test
    void aFileBesideAFolderDoesNotWaitForIt() {
        CountDownLatch fileHealed = new CountDownLatch(1);
        List<HealOutcome> outcomes = FoldersFirst.heal(paths("/small", "/small/f1", "/big/data"),
                8, (path, below) -> switch (path.toString()) {
                    case "/big/data" -> {
                        fileHealed.countDown();
                        yield HealOutcome.HEALED;
                    }
                    case "/small" -> awaited(fileHealed)
                            ? HealOutcome.HEALED
                            : HealOutcome.WAITING;
                    default -> HealOutcome.HEALED;
                });
        assertThat(outcomes).containsOnly(HealOutcome.HEALED);
    }

    /**
     * A folder whose names are made lets the files below it start while it goes on healing
     * the files it made: here it waits for one of them to heal.
     */
    @Test
    void whatIsBelowAFolderStartsOnceItsNamesAreMade() {
        CountDownLatch fileHealed = new CountDownLatch(1);
        List<HealOutcome> outcomes = FoldersFirst.heal(paths("/d", "/d/f"), 4, (path, below) -> {
            if (path.equals(FsPath.parse("/d/f"))) {
                fileHealed.countDown();
                return HealOutcome.HEALED;
            }
            below.run();
            return awaited(fileHealed) ? HealOutcome.HEALED : HealOutcome.WAITING;
        });
        assertThat(outcomes).containsExactly(HealOutcome.HEALED, HealOutcome.HEALED);
    }

    @Test
    void aHealThatFailsIsWaitingAndWhatItHoldsStillHeals() {
        List<HealOutcome> outcomes = FoldersFirst.heal(paths("/d", "/d/f"), 4, (path, below) -> {
            if (path.equals(FsPath.parse("/d"))) {
                throw new IllegalStateException("a bug in one heal");
            }
            return HealOutcome.HEALED;
        });
        assertThat(outcomes).containsExactly(HealOutcome.WAITING, HealOutcome.HEALED);
    }

    @Test
    void atMostTheBoundAreStartedAtOnce() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<FsPath> many = java.util.stream.IntStream.range(0, 200).mapToObj(i -> FsPath.parse(
                "/f" + i)).toList();
        List<HealOutcome> outcomes = FoldersFirst.heal(many, 3, (path, below) -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.yield();
            now.decrementAndGet();
            return HealOutcome.CLEAN;
        });
        assertThat(outcomes).hasSize(200).containsOnly(HealOutcome.CLEAN);
        assertThat(most.get()).isBetween(1, 3);
    }

    private static boolean awaited(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS); // a bound on a broken run, not a figure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
