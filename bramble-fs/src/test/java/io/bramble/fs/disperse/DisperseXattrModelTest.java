package io.bramble.fs.disperse;

import static io.bramble.fs.disperse.DisperseModelTest.someChildren;
import static io.bramble.fs.disperse.DisperseSet.ALICE;
import static io.bramble.fs.disperse.DisperseXattrHealTest.applications;
import static io.bramble.fs.disperse.DisperseXattrHealTest.assertNoMarks;
import static io.bramble.fs.disperse.DisperseXattrHealTest.bytes;
import static io.bramble.fs.disperse.DisperseXattrHealTest.heal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random sets and removals of applications' xattrs on a file and a folder of a disperse set,
 * and random writes of the file, during outages of up to M random children, checked against
 * a map per path. After each outage every child is back: reads must answer what the model
 * holds before any heal (the children that missed changes answer too), and after the heal
 * every child must hold exactly the model's xattrs with no mark left. As in
 * {@link DisperseModelTest}, each outage ends with a heal, so that the children down in one
 * are never the only ones that took a change of an earlier one.
 */
class DisperseXattrModelTest {
    static final List<FsPath> PATHS = List.of(FsPath.parse("/file"), FsPath.parse("/dir"));
    static final int OUTAGES = 8;
    static final int NAMES = 4;

    @Property(tries = 40)
    void twoPlusOneXattrsReadAndHealAsTheModelHolds(@ForAll long seed) throws FsException {
        run(2, 1, seed);
    }

    @Property(tries = 40)
    void fourPlusTwoXattrsReadAndHealAsTheModelHolds(@ForAll long seed) throws FsException {
        run(4, 2, seed);
    }

    private static void run(int dataCount, int redundancy, long seed) throws FsException {
        SplittableRandom random = new SplittableRandom(seed);
        DisperseSet set = new DisperseSet(dataCount, redundancy);
        set.writeFile(PATHS.get(0), DisperseTest.random(100, seed));
        set.disperse.mkdir(ALICE, PATHS.get(1), set.newId(), 0755);
        Map<FsPath, Map<String, String>> model = new HashMap<>();
        PATHS.forEach(path -> model.put(path, new TreeMap<>()));
        List<String> trace = new ArrayList<>();
        for (int outage = 0; outage < OUTAGES; outage++) {
            int[] down = someChildren(random, set.size(), random.nextInt(redundancy + 1));
            set.down(down);
            trace.add("down " + java.util.Arrays.toString(down));
            int steps = 1 + random.nextInt(4);
            for (int step = 0; step < steps; step++) {
                change(set, random, model, trace);
                assertReads(set, model, trace);
            }
            set.allUp();
            assertReads(set, model, trace);
            for (FsPath path : PATHS) {
                assertThat(heal(set, path)).as("%s", trace).isIn(HealOutcome.HEALED,
                        HealOutcome.CLEAN);
                for (int child = 0; child < set.size(); child++) {
                    assertThat(applications(set, child, path)).as("child %d %s %s", child, path,
                            trace).isEqualTo(model.get(path));
                }
                assertNoMarks(set, path);
            }
        }
    }

    private static void change(DisperseSet set, SplittableRandom random,
            Map<FsPath, Map<String, String>> model, List<String> trace) throws FsException {
        FsPath path = PATHS.get(random.nextInt(PATHS.size()));
        String name = "user.n" + random.nextInt(NAMES);
        int choice = random.nextInt(10);
        if (choice < 2 && path.equals(PATHS.get(0))) {
            trace.add("write " + path);
            set.writeFile(path, DisperseTest.random(random.nextInt(5000), random.nextLong()));
        } else if (choice < 5 && model.get(path).containsKey(name)) {
            trace.add("remove " + path + " " + name);
            set.disperse.removexattr(ALICE, path, name);
            model.get(path).remove(name);
        } else {
            String value = "v" + random.nextInt(1000);
            trace.add("set " + path + " " + name + "=" + value);
            set.disperse.setxattr(ALICE, path, name, bytes(value), 0);
            model.get(path).put(name, value);
        }
    }

    private static void assertReads(DisperseSet set, Map<FsPath, Map<String, String>> model,
            List<String> trace) throws FsException {
        for (FsPath path : PATHS) {
            Map<String, String> held = model.get(path);
            assertThat(set.disperse.listxattr(ALICE, path)).as("%s %s", path, trace).filteredOn(
                    n -> n.startsWith("user.")).containsExactlyInAnyOrderElementsOf(
                            held
                                    .keySet());
            for (int n = 0; n < NAMES; n++) {
                String name = "user.n" + n;
                if (held.containsKey(name)) {
                    assertThat(set.disperse.getxattr(ALICE, path, name)).as("%s %s %s", path,
                            name, trace).isEqualTo(bytes(held.get(name)));
                } else {
                    assertThatThrownBy(() -> set.disperse.getxattr(ALICE, path, name)).as(
                            "%s %s %s", path, name, trace).isInstanceOfSatisfying(
                                    FsException.class, e -> assertThat(e.errno()).isEqualTo(
                                            Errno.ENODATA));
                }
            }
        }
    }
}
