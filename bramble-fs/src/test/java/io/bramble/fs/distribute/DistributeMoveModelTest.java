package io.bramble.fs.distribute;

import static io.bramble.fs.distribute.DistributeTest.list;
import static io.bramble.fs.distribute.DistributeTest.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FaultyFileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.volume.rebalance.LayoutWalk;
import io.bramble.fs.volume.rebalance.RebalanceProgress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Files moved to the subvolumes their names hash to ({@link Move}) while two clients use them,
 * played over random interleavings of the clients' calls and the moves' steps: one client
 * placed by the layouts of before the fix-layout (it has not read them again), the other by
 * the new ones. The clients keep files open across steps and write through those handles,
 * write through short opens, truncate, rename, unlink and create. After every step each file
 * reads back, through both clients and through every handle open on it, exactly as the
 * acknowledged writes left it, and each folder lists each name once. Moves step at random
 * between the clients' calls to the subvolumes too, so between a lookup and the call that
 * follows it. A lookup that waits for a switch-over runs the next step of the move; one that
 * found no end to it fails with EAGAIN, and so the test. At the end, with the handles closed,
 * every file is moved.
 */
class DistributeMoveModelTest {
    static final int SEEDS = 200;
    static final int STEPS = 150;
    static final List<String> FOLDERS = List.of("", "/d");

    /** One file's content as acknowledged, followed through renames. */
    private static final class Content {
        byte[] bytes;

        Content(byte[] bytes) {
            this.bytes = bytes;
        }

        void write(long offset, byte[] data) {
            int end = (int) offset + data.length;
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, end);
            }
            System.arraycopy(data, 0, bytes, (int) offset, data.length);
        }
    }

    private record Held(Distribute client, long handle, Content content) {}

    private DistributeGrowthTest volume;
    /** Decides when a move steps in the middle of a client's call; null for the mover. */
    private SplittableRandom interleaved;
    private Distribute mover;
    private Move move;
    private int phase;
    private int moved;
    private final List<String> toMove = new ArrayList<>();

    @Test
    void noAcknowledgedWriteOrFileIsLostWhileFilesMove() throws FsException {
        int movedAll = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            movedAll += play(seed);
        }
        assertThat(movedAll).isGreaterThan(SEEDS * 5);
    }

    /** A client of {@code count} subvolumes; none but the mover's lets moves step between. */
    private Distribute client(int count) {
        List<Subvolume> subvolumes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Subvolume brick = volume.subvolume(i);
            if (interleaved == null) {
                subvolumes.add(brick);
                continue;
            }
            FaultyFileOps between = new FaultyFileOps(brick.name(), brick.ops());
            between.beforeEachCall(() -> {
                if (move != null && interleaved.nextInt(2) == 0) {
                    step();
                }
            });
            subvolumes.add(new Subvolume(brick.name(), between));
        }
        return new Distribute(subvolumes, DistributeLimits.DEFAULTS, volume.clock,
                ms -> step());
    }

    private int play(long seed) throws FsException {
        volume = new DistributeGrowthTest();
        move = null;
        moved = 0;
        toMove.clear();
        SplittableRandom random = new SplittableRandom(seed);
        interleaved = null;
        Distribute first = client(1);
        volume.keepRoot(Layout.spread(List.of("vol-replicate-0"), 0), 1);
        first.mkdir(DistributeGrowthTest.ALICE, path("/d"), volume.newId(), 0755);
        Map<String, Content> files = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            String name = FOLDERS.get(i % 2) + "/f" + i;
            files.put(name, new Content(bytes(random, 1 + random.nextInt(3000))));
            put(first, name, files.get(name).bytes);
        }
        interleaved = random.split();
        Distribute stale = client(2);
        interleaved = null;
        for (String name : files.keySet()) {
            stale.getattr(DistributeGrowthTest.ALICE, path(name));
        }
        mover = client(2);
        assertThat(LayoutWalk.walk(mover, mover::fixLayout, new RebalanceProgress(),
                () -> false)).isTrue();
        interleaved = random.split();
        Distribute fresh = client(2);
        List<Held> held = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String at = "seed " + seed + " step " + step;
            Distribute user = random.nextBoolean() ? fresh : stale;
            List<String> names = new ArrayList<>(files.keySet());
            String name = names.isEmpty() ? null : names.get(random.nextInt(names.size()));
            int kind = random.nextInt(10);
            if (kind == 0 && name != null && held.size() < 4) {
                long handle = user.open(DistributeGrowthTest.ALICE, path(name),
                        OpenFlags.RDWR).handle();
                held.add(new Held(user, handle, files.get(name)));
            } else if (kind == 1 && !held.isEmpty()) {
                Held h = held.get(random.nextInt(held.size()));
                long offset = random.nextInt(h.content().bytes.length + 1);
                byte[] data = bytes(random, 1 + random.nextInt(40));
                assertThat(h.client().write(h.handle(), offset, data)).isEqualTo(data.length);
                h.content().write(offset, data);
            } else if (kind == 2 && !held.isEmpty()) {
                Held h = held.remove(random.nextInt(held.size()));
                h.client().release(h.handle());
            } else if (kind == 3 && name != null) {
                long handle = user.open(DistributeGrowthTest.ALICE, path(name),
                        OpenFlags.WRONLY).handle();
                Content content = files.get(name);
                long offset = random.nextInt(content.bytes.length + 1);
                byte[] data = bytes(random, 1 + random.nextInt(40));
                user.write(handle, offset, data);
                content.write(offset, data);
                user.release(handle);
            } else if (kind == 4 && name != null) {
                Content content = files.get(name);
                int size = random.nextInt(content.bytes.length + 1);
                user.setattr(DistributeGrowthTest.ALICE, path(name), SetAttr.truncate(size));
                content.bytes = Arrays.copyOf(content.bytes, size);
            } else if (kind == 5 && name != null) {
                String to = FOLDERS.get(random.nextInt(2)) + "/r" + step;
                user.rename(DistributeGrowthTest.ALICE, path(name), path(to), 0);
                files.put(to, files.remove(name));
            } else if (kind == 6 && name != null && held.stream().noneMatch(
                    h -> h.content() == files.get(name))) {
                user.unlink(DistributeGrowthTest.ALICE, path(name));
                files.remove(name);
            } else if (kind == 7) {
                String made = FOLDERS.get(random.nextInt(2)) + "/n" + step;
                files.put(made, new Content(bytes(random, random.nextInt(2000))));
                put(user, made, files.get(made).bytes);
            } else {
                step();
            }
            check(at, files, held, fresh, stale);
        }
        for (Held h : held) {
            h.client().release(h.handle());
        }
        while (move != null) {
            step();
        }
        for (String name : files.keySet()) {
            Optional<Move.Outcome> outcome = mover.move(path(name));
            outcome.ifPresent(o -> moved += o == Move.Outcome.MOVED ? 1 : 0);
            assertThat(outcome).as("seed " + seed + " " + name).isNotEqualTo(Optional.of(
                    Move.Outcome.SKIPPED));
            assertThat(mover.moveToHashed(path(name))).as("seed " + seed + " " + name)
                    .isEmpty();
        }
        check("seed " + seed + " end", files, List.of(), fresh, stale);
        return moved;
    }

    /** Runs the next step of the move under way, or starts one; false when none is left. */
    private boolean step() {
        try {
            if (move == null) {
                return start();
            }
            boolean goOn = true;
            switch (phase) {
                case 0 -> {
                    goOn = move.prepare();
                    phase = 1;
                }
                case 1 -> phase = move.copyNext() ? 2 : 1;
                case 2 -> {
                    goOn = move.seal();
                    phase = 3;
                }
                default -> {
                    move.finish();
                    moved++;
                    goOn = false;
                }
            }
            if (!goOn) {
                move.close();
                move = null;
            }
            return true;
        } catch (FsException e) {
            throw new AssertionError("move step " + phase, e);
        }
    }

    private boolean start() throws FsException {
        if (toMove.isEmpty()) {
            collect();
        }
        while (!toMove.isEmpty()) {
            FsPath next = path(toMove.removeFirst());
            Optional<Move> planned;
            try {
                planned = mover.moveToHashed(next);
            } catch (FsException e) {
                continue; // gone meanwhile
            }
            if (planned.isPresent()) {
                move = planned.get();
                phase = 0;
                return true;
            }
        }
        return false;
    }

    private void collect() throws FsException {
        for (String folder : FOLDERS) {
            for (String name : list(mover, folder.isEmpty() ? "/" : folder, 100)) {
                if (!name.equals("d")) {
                    toMove.add(folder + "/" + name);
                }
            }
        }
    }

    private static void check(String at, Map<String, Content> files, List<Held> held,
            Distribute fresh, Distribute stale) throws FsException {
        for (Map.Entry<String, Content> file : files.entrySet()) {
            assertThat(read(fresh, file.getKey())).as(at + " fresh " + file.getKey())
                    .isEqualTo(file.getValue().bytes);
            assertThat(read(stale, file.getKey())).as(at + " stale " + file.getKey())
                    .isEqualTo(file.getValue().bytes);
        }
        for (Held h : held) {
            assertThat(h.client().read(h.handle(), 0, 1 << 16)).as(at + " handle")
                    .isEqualTo(h.content().bytes);
        }
        for (String folder : FOLDERS) {
            List<String> expected = new ArrayList<>();
            files.keySet().stream().filter(n -> n.startsWith(folder + "/")
                    && n.indexOf('/', folder.length() + 1) < 0).forEach(n -> expected.add(
                            n
                                    .substring(folder.length() + 1)));
            if (folder.isEmpty()) {
                expected.add("d");
            }
            assertThat(list(fresh, folder.isEmpty() ? "/" : folder, 7)).as(at + " list "
                    + folder).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static byte[] read(Distribute client, String name) throws FsException {
        Opened opened = client.open(DistributeGrowthTest.ALICE, path(name), OpenFlags.RDONLY);
        try {
            Attr attr = client.getattr(DistributeGrowthTest.ALICE, path(name));
            byte[] data = client.read(opened.handle(), 0, 1 << 16);
            assertThat(attr.sizeBytes()).isEqualTo(data.length);
            return data;
        } finally {
            client.release(opened.handle());
        }
    }

    private void put(Distribute client, String name, byte[] data) throws FsException {
        Opened opened = client.create(DistributeGrowthTest.ALICE, path(name), volume.newId(),
                0644, OpenFlags.RDWR);
        client.write(opened.handle(), 0, data);
        client.release(opened.handle());
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) ('a' + random.nextInt(26));
        }
        return data;
    }
}
