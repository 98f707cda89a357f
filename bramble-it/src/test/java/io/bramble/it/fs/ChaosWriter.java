package io.bramble.it.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The chaos runs' verifying writer: changes files through a mount, one at a time, each
 * fsynced (makes, overwrites, appends to, renames and removes them). What was acknowledged is
 * remembered with its checksum (null for a removed name); a change that failed leaves its
 * file's fate open, and the file is no longer checked. What it saw is kept per phase (such
 * as a fault and the heal after it), each change in the phase it ended in: changes
 * acknowledged and failed, the failures by the error
 * the system call gave, the changes that took {@value #STALL_MS} ms or more (stalls), the longest
 * change and the longest time between two acknowledged changes.
 */
final class ChaosWriter implements Runnable {
    /** A change that takes this long or longer counts as a stall in the report. */
    static final long STALL_MS = 1_000;
    /** The pause between two changes. */
    private static final long PAUSE_MS = 50;

    private final Path mnt;
    private final SplittableRandom random;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Map<String, String> acknowledged = new TreeMap<>();
    private final Map<String, byte[]> contents = new TreeMap<>();
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private volatile String phase = "start";
    private long acknowledgedCount;
    private int next;

    /** What the writer saw in one phase. */
    private static final class Phase {
        int ok;
        int failed;
        int stalls;
        long longestChangeMs;
        long longestGapMs;
        final Map<String, Integer> errors = new TreeMap<>();
    }

    ChaosWriter(Path mnt, SplittableRandom random) {
        this.mnt = mnt;
        this.random = random;
    }

    /** Names the phase that the following changes count in. */
    void phase(String name) {
        phase = name;
    }

    void stop() {
        stopped.set(true);
    }

    synchronized Map<String, String> acknowledged() {
        return new TreeMap<>(acknowledged);
    }

    synchronized int okIn(String name) {
        Phase counts = phases.get(name);
        return counts == null ? 0 : counts.ok;
    }

    synchronized long acknowledgedCount() {
        return acknowledgedCount;
    }

    /**
     * One line per phase: changes acknowledged and failed (by error), stalls, the longest
     * change and the longest time between two acknowledged ones.
     */
    synchronized List<String> report() {
        List<String> lines = new ArrayList<>();
        phases.forEach((name, p) -> lines.add(String.format("chaos %-44s %4d ok %3d failed,"
                + " %2d stalls >= %d ms, longest change %5d ms, longest gap %5d ms%s", name,
                p.ok, p.failed, p.stalls, STALL_MS, p.longestChangeMs, p.longestGapMs, p.errors
                        .isEmpty() ? "" : ", errors " + p.errors)));
        return lines;
    }

    @Override
    public void run() {
        long lastOk = System.nanoTime();
        while (!stopped.get()) {
            long start = System.nanoTime();
            String error = change();
            long t = System.nanoTime();
            // Counted in the phase it ended in: a change that a fault held up counts there.
            String now = phase;
            synchronized (this) {
                Phase counts = phases.computeIfAbsent(now, p -> new Phase());
                if (error == null) {
                    counts.ok++;
                } else {
                    counts.failed++;
                    counts.errors.merge(error, 1, Integer::sum);
                }
                long tookMs = (t - start) / 1_000_000;
                if (tookMs >= STALL_MS) {
                    counts.stalls++;
                }
                counts.longestChangeMs = Math.max(counts.longestChangeMs, tookMs);
                counts.longestGapMs = Math.max(counts.longestGapMs, (t - lastOk) / 1_000_000);
            }
            if (error == null) {
                lastOk = t;
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One change; null when acknowledged, else the error it met. */
    private String change() {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(contents.keySet());
        }
        int roll = random.nextInt(100);
        String name = names.isEmpty() || roll < 30
                ? "f" + next++
                : names.get(random.nextInt(names.size()));
        try {
            if (roll < 55) {
                byte[] data = new byte[random.nextInt(1, 64 << 10)];
                random.nextBytes(data);
                write(mnt.resolve(name), data, false);
                done(name, data);
            } else if (roll < 75) {
                byte[] more = new byte[random.nextInt(1, 8 << 10)];
                random.nextBytes(more);
                write(mnt.resolve(name), more, true);
                byte[] before;
                synchronized (this) {
                    before = contents.getOrDefault(name, new byte[0]);
                }
                byte[] after = new byte[before.length + more.length];
                System.arraycopy(before, 0, after, 0, before.length);
                System.arraycopy(more, 0, after, before.length, more.length);
                done(name, after);
            } else if (roll < 88) {
                String to = "r" + next++;
                Files.move(mnt.resolve(name), mnt.resolve(to), StandardCopyOption.ATOMIC_MOVE);
                synchronized (this) {
                    byte[] data = contents.remove(name);
                    acknowledged.put(name, null);
                    acknowledgedCount++;
                    if (data != null) {
                        contents.put(to, data);
                        acknowledged.put(to, Sha1.of(data));
                    }
                }
            } else {
                Files.delete(mnt.resolve(name));
                synchronized (this) {
                    contents.remove(name);
                    acknowledged.put(name, null);
                    acknowledgedCount++;
                }
            }
            return null;
        } catch (Exception e) {
            synchronized (this) {
                contents.remove(name); // its fate is open: no longer checked
                acknowledged.remove(name);
            }
            return errorOf(e);
        }
    }

    /** The error as the system call gave it ({@code strerror}'s text), else the exception. */
    private static String errorOf(Exception e) {
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        // A read, write or fsync that failed gives the error's text as its message.
        if (e instanceof IOException && !(e instanceof FileSystemException) && e
                .getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    private synchronized void done(String name, byte[] data) {
        contents.put(name, data);
        acknowledged.put(name, Sha1.of(data));
        acknowledgedCount++;
    }

    private static void write(Path file, byte[] data, boolean append) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append
                        ? StandardOpenOption.APPEND
                        : StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
