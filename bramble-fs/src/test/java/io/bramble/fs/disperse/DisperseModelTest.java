package io.bramble.fs.disperse;

import static io.bramble.fs.disperse.DisperseSet.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random writes, truncates and reads of one file through a disperse set, each with up to M
 * random children down, checked against a plain array of the file's bytes. Before each step
 * every child is up and the file is healed, so that the children down at one step are never
 * the only ones that took an earlier change; at the end, the file must read the same with
 * any M children down.
 */
class DisperseModelTest {
    static final FsPath FILE = FsPath.parse("/model");
    static final int STEPS = 40;

    @Property(tries = 60)
    void twoPlusOneReadsWhatTheModelHolds(@ForAll long seed) throws FsException {
        run(2, 1, seed);
    }

    @Property(tries = 60)
    void fourPlusTwoReadsWhatTheModelHolds(@ForAll long seed) throws FsException {
        run(4, 2, seed);
    }

    private static void run(int dataCount, int redundancy, long seed) throws FsException {
        SplittableRandom random = new SplittableRandom(seed);
        DisperseSet set = new DisperseSet(dataCount, redundancy);
        int stripe = set.disperse.layout().stripeBytes();
        byte[] model = new byte[0];
        set.writeFile(FILE, model);
        List<String> trace = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            set.allUp();
            set.disperse.healer().heal(FILE);
            int[] down = someChildren(random, set.size(), random.nextInt(redundancy + 1));
            set.down(down);
            Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
            long handle = opened.handle();
            assertThat(opened.attr().sizeBytes()).as("%s", trace).isEqualTo(model.length);
            int choice = random.nextInt(10);
            if (choice < 5) {
                int offset = random.nextInt(4 * stripe);
                byte[] data = new byte[random.nextInt(3 * stripe)];
                random.nextBytes(data);
                trace.add("down " + Arrays.toString(down) + " write " + offset + "+"
                        + data.length);
                set.disperse.write(handle, offset, data);
                if (data.length > 0) { // a write of nothing past the end grows nothing
                    if (offset + data.length > model.length) {
                        model = Arrays.copyOf(model, offset + data.length);
                    }
                    System.arraycopy(data, 0, model, offset, data.length);
                }
            } else if (choice < 7) {
                int size = random.nextInt(5 * stripe);
                trace.add("down " + Arrays.toString(down) + " truncate " + size);
                set.disperse.fsetattr(handle, SetAttr.truncate(size));
                model = Arrays.copyOf(model, size);
            } else {
                int offset = random.nextInt(5 * stripe);
                int length = random.nextInt(3 * stripe);
                trace.add("down " + Arrays.toString(down) + " read " + offset + "+" + length);
            }
            int offset = random.nextInt(5 * stripe);
            int length = random.nextInt(3 * stripe);
            assertThat(set.disperse.read(handle, offset, length)).as("%s", trace)
                    .isEqualTo(slice(model, offset, length));
            set.disperse.release(handle);
        }
        set.allUp();
        set.disperse.healer().heal(FILE);
        set.down(someChildren(random, set.size(), redundancy));
        assertThat(set.readFile(FILE, 1 << 20)).as("%s", trace).isEqualTo(model);
    }

    private static byte[] slice(byte[] model, int offset, int length) {
        if (offset >= model.length) {
            return new byte[0];
        }
        return Arrays.copyOfRange(model, offset, Math.min(model.length, offset + length));
    }

    /** {@code count} children of {@code childCount}, each at most once. */
    static int[] someChildren(SplittableRandom random, int childCount, int count) {
        List<Integer> children = new ArrayList<>();
        for (int i = 0; i < childCount; i++) {
            children.add(i);
        }
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            chosen[i] = children.remove(random.nextInt(children.size()));
        }
        return chosen;
    }
}
