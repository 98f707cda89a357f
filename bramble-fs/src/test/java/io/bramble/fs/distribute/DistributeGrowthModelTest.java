package io.bramble.fs.distribute;

import static io.bramble.fs.distribute.DistributeTest.list;
import static io.bramble.fs.distribute.DistributeTest.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.volume.rebalance.LayoutWalk;
import io.bramble.fs.volume.rebalance.RebalanceProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two clients of one volume that grows from one subvolume to two, played over random steps:
 * one client learns of the new subvolume at once, the other later; a fix-layout runs at a
 * random point. Each client makes folders and files, the grown one also renames and removes
 * its own files. After every step, every file either client made reads back exactly through
 * the grown client, and each folder lists each name once; until the fix-layout, the client
 * not grown yet reads every file placed where it looks (each file it made, and each the grown
 * one made in the root or in a folder that lacks a copy on the new subvolume); at the end, the
 * other client, grown too, reads them all as well.
 */
class DistributeGrowthModelTest {
    static final int SEEDS = 30;
    static final int STEPS = 100;

    @Test
    void noFileIsLostOrShownTwiceWhileTheVolumeGrows() throws FsException {
        for (long seed = 1; seed <= SEEDS; seed++) {
            play(seed);
        }
    }

    private void play(long seed) throws FsException {
        DistributeGrowthTest volume = new DistributeGrowthTest();
        SplittableRandom random = new SplittableRandom(seed);
        Distribute late = volume.client(1);
        volume.keepRoot(Layout.spread(List.of("vol-replicate-0"), 0), 1);
        Distribute grown = volume.client(2);
        List<String> folders = new ArrayList<>(List.of(""));
        Map<String, String> files = new TreeMap<>();
        List<String> grownFiles = new ArrayList<>();
        // Folders with no copy on the new subvolume, and files whose data are on the first.
        java.util.Set<String> firstOnly = new java.util.HashSet<>();
        java.util.Set<String> onFirst = new java.util.HashSet<>();
        boolean fixed = false;
        int fixAt = random.nextInt(STEPS);
        int lateGrowsAt = random.nextInt(STEPS);
        boolean lateGrown = false;
        for (int step = 0; step < STEPS; step++) {
            String at = "seed " + seed + " step " + step;
            if (step == fixAt) {
                assertThat(LayoutWalk.walk(grown, grown::fixLayout, new RebalanceProgress(),
                        () -> false)).as(at).isTrue();
                volume.clock.advanceMillis(DistributeLimits.LAYOUT_KEEP_MS);
                fixed = true;
            }
            if (step == lateGrowsAt) {
                volume.grow(late, 2);
                lateGrown = true;
            }
            boolean byGrown = random.nextBoolean();
            FileOps client = byGrown ? grown : late;
            String folder = folders.get(random.nextInt(folders.size()));
            int kind = random.nextInt(10);
            if (kind == 0 && folders.size() < 12) {
                String made = folder + "/dir" + step;
                client.mkdir(DistributeGrowthTest.ALICE, path(made), volume.newId(), 0755);
                folders.add(made);
                if (!fixed && (!byGrown && !lateGrown || firstOnly.contains(folder))) {
                    firstOnly.add(made);
                }
            } else if (kind == 1 && byGrown && !grownFiles.isEmpty()) {
                String from = grownFiles.remove(random.nextInt(grownFiles.size()));
                String to = folder + "/moved" + step;
                grown.rename(DistributeGrowthTest.ALICE, path(from), path(to), 0);
                files.put(to, files.remove(from));
                grownFiles.add(to);
                if (onFirst.remove(from)) {
                    onFirst.add(to);
                }
            } else if (kind == 2 && byGrown && !grownFiles.isEmpty()) {
                String gone = grownFiles.remove(random.nextInt(grownFiles.size()));
                grown.unlink(DistributeGrowthTest.ALICE, path(gone));
                files.remove(gone);
                onFirst.remove(gone);
            } else {
                String file = folder + "/f" + step;
                String text = "seed " + seed + " " + file;
                volume.put(client, file, text);
                files.put(file, text);
                if (byGrown) {
                    grownFiles.add(file);
                }
                if (!byGrown && !lateGrown || !fixed && (folder.isEmpty() || firstOnly
                        .contains(folder))) {
                    onFirst.add(file);
                }
            }
            check(grown, files, folders, at);
            if (!lateGrown && !fixed) {
                for (String file : onFirst) {
                    assertThat(DistributeGrowthTest.get(late, file)).as(at + ", not grown yet, "
                            + file).isEqualTo(files.get(file));
                }
            }
        }
        if (!lateGrown) {
            volume.grow(late, 2);
        }
        check(late, files, folders, "seed " + seed + " at the end");
    }

    private static void check(FileOps client, Map<String, String> files, List<String> folders,
            String at) throws FsException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            assertThat(DistributeGrowthTest.get(client, file.getKey())).as(at + " " + file
                    .getKey()).isEqualTo(file.getValue());
        }
        for (String folder : folders) {
            List<String> expected = new ArrayList<>();
            String prefix = folder + "/";
            files.keySet().stream().filter(f -> f.startsWith(prefix) && f.indexOf('/', prefix
                    .length()) < 0).forEach(f -> expected.add(f.substring(prefix.length())));
            folders.stream().filter(d -> d.startsWith(prefix) && d.indexOf('/', prefix
                    .length()) < 0).forEach(d -> expected.add(d.substring(prefix.length())));
            assertThat(list(client, folder.isEmpty() ? "/" : folder, 5)).as(at + " "
                    + folder).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
