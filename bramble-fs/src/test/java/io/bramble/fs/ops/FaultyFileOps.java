package io.bramble.fs.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Wraps a {@link FileOps} (a {@link MemoryFileOps} in tests) and makes it fail as a brick
 * over the network does: down (every call ENOTCONN), hung past its deadline (ETIMEDOUT), full
 * (ENOSPC on anything that needs space), slow, or flaky (a mutating call fails now and then,
 * before or after taking effect, as when the reply is lost). A brick that comes back has lost
 * the handles opened before it went down. An observer sees which file each read, write and
 * truncate reached, so simulations can tell which copy served a read.
 */
public final class FaultyFileOps implements FileOps {
    /** How the brick behaves at the moment. */
    public enum State {
        UP, DOWN, TIMEOUT, FULL
    }

    /** What happened to a file, for an {@link Observer}. */
    public enum Event {
        READ, WRITE, TRUNCATE,
        /** A setattr without a size: what an arbiter is sent of a truncate. */
        ATTRIBUTES
    }

    /** Told after each read, write, truncate and other setattr that took effect. */
    public interface Observer {
        void seen(FaultyFileOps child, Event event, FileId file, long offset, int lengthBytes);
    }

    private final FileOps inner;
    private final String name;
    private volatile State state = State.UP;
    private volatile long slowMs;
    private volatile RandomGenerator flakyRandom;
    private volatile double flakyChance;
    private volatile boolean flakyXattrs;
    private volatile Observer observer = (c, e, f, o, l) -> {
    };
    private volatile Runnable beforeCall = () -> {
    };
    private final Map<Long, FileId> handleFiles = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<Long, Integer> handleGeneration = new HashMap<>();
    private int generation;

    public FaultyFileOps(String name, FileOps inner) {
        this.name = name;
        this.inner = inner;
    }

    public String name() {
        return name;
    }

    /** The copy behind the faults, for looking at it without being seen or failing. */
    public FileOps inner() {
        return inner;
    }

    /** Changes the state; a brick coming back from DOWN or TIMEOUT forgets its handles. */
    public synchronized void state(State newState) {
        boolean reconnects = (state == State.DOWN || state == State.TIMEOUT)
                && (newState == State.UP || newState == State.FULL);
        if (reconnects) {
            generation++;
        }
        state = newState;
    }

    public State state() {
        return state;
    }

    public void slowMs(long delayMs) {
        slowMs = delayMs;
    }

    /**
     * Mutating calls fail with ENOTCONN with this chance, half of them after taking effect;
     * setxattr and removexattr only when {@code xattrsToo}.
     */
    public void flaky(RandomGenerator random, double chance, boolean xattrsToo) {
        flakyRandom = random;
        flakyChance = chance;
        flakyXattrs = xattrsToo;
    }

    public void observer(Observer newObserver) {
        observer = newObserver;
    }

    /**
     * Runs {@code hook} as each call arrives, before it takes effect: what another client does
     * between two calls of this one.
     */
    public void beforeEachCall(Runnable hook) {
        beforeCall = hook;
    }

    /** How many times {@code operation} (a FileOps method name) was called. */
    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    private void enter(String operation, boolean needsSpace) throws FsException {
        beforeCall.run();
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        long delay = slowMs;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FsException(Errno.EINTR, name);
            }
        }
        switch (state) {
            case DOWN -> throw new FsException(Errno.ENOTCONN, name + " is down");
            case TIMEOUT -> throw new FsException(Errno.ETIMEDOUT, name + " did not answer");
            case FULL -> {
                if (needsSpace) {
                    throw new FsException(Errno.ENOSPC, name + " is full");
                }
            }
            case UP -> {
            }
        }
    }

    /** Enters a mutating call; true when it should fail after taking effect. */
    private boolean enterChange(String operation, boolean needsSpace) throws FsException {
        enter(operation, needsSpace);
        RandomGenerator random = flakyRandom;
        if (random == null || flakyChance <= 0) {
            return false;
        }
        synchronized (random) {
            if (random.nextDouble() >= flakyChance) {
                return false;
            }
            if (random.nextBoolean()) {
                throw new FsException(Errno.ENOTCONN, name + " dropped the call");
            }
            return true;
        }
    }

    private static <T> T lost(boolean replyLost, T result, String name) throws FsException {
        if (replyLost) {
            throw new FsException(Errno.ENOTCONN, name + " lost the reply");
        }
        return result;
    }

    private long checkHandle(long handle) throws FsException {
        synchronized (this) {
            Integer opened = handleGeneration.get(handle);
            if (opened != null && opened != generation) {
                throw new FsException(Errno.EBADF, name + " restarted since handle " + handle);
            }
        }
        return handle;
    }

    private Opened track(Opened opened) {
        synchronized (this) {
            handleGeneration.put(opened.handle(), generation);
        }
        handleFiles.put(opened.handle(), opened.attr().id());
        return opened;
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        enter("getattr", false);
        return inner.getattr(caller, path);
    }

    @Override
    public AttrXattrs getattrXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        enter("getattrXattrs", false);
        return inner.getattrXattrs(caller, path, prefix);
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        boolean grows = changes.sizeBytes().isPresent();
        boolean replyLost = enterChange("setattr", grows);
        Attr attr = inner.setattr(caller, path, changes);
        if (changes.sizeBytes().isPresent()) {
            observer.seen(this, Event.TRUNCATE, attr.id(), changes.sizeBytes().getAsLong(), 0);
        } else {
            observer.seen(this, Event.ATTRIBUTES, attr.id(), 0, 0);
        }
        return lost(replyLost, attr, name);
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        boolean replyLost = enterChange("mkdir", true);
        return lost(replyLost, inner.mkdir(caller, path, id, mode), name);
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        boolean replyLost = enterChange("mknod", true);
        return lost(replyLost, inner.mknod(caller, path, id, mode, rdev), name);
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        boolean replyLost = enterChange("symlink", true);
        return lost(replyLost, inner.symlink(caller, path, id, target), name);
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        enter("readlink", false);
        return inner.readlink(caller, path);
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        boolean replyLost = enterChange("unlink", false);
        inner.unlink(caller, path);
        lost(replyLost, null, name);
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        boolean replyLost = enterChange("rmdir", false);
        inner.rmdir(caller, path);
        lost(replyLost, null, name);
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        boolean replyLost = enterChange("rename", false);
        inner.rename(caller, from, to, flags);
        lost(replyLost, null, name);
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        boolean replyLost = enterChange("link", true);
        return lost(replyLost, inner.link(caller, existing, newPath), name);
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        boolean replyLost = enterChange("create", true);
        Opened opened = track(inner.create(caller, path, id, mode, flags));
        if (replyLost) {
            inner.release(opened.handle());
        }
        return lost(replyLost, opened, name);
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        enter("open", false);
        return track(inner.open(caller, path, flags));
    }

    @Override
    public OpenedXattrs openXattrs(Caller caller, FsPath path, int flags, String prefix)
            throws FsException {
        enter("openXattrs", false);
        OpenedXattrs read = inner.openXattrs(caller, path, flags, prefix);
        track(read.opened());
        return read;
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        enter("read", false);
        byte[] data = inner.read(checkHandle(handle), offset, sizeBytes);
        FileId file = handleFiles.get(handle);
        if (file != null) {
            observer.seen(this, Event.READ, file, offset, data.length);
        }
        return data;
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        boolean replyLost = enterChange("write", true);
        int written = inner.write(checkHandle(handle), offset, data);
        FileId file = handleFiles.get(handle);
        if (file != null) {
            observer.seen(this, Event.WRITE, file, offset, data.length);
        }
        return lost(replyLost, written, name);
    }

    @Override
    public void flush(long handle) throws FsException {
        enter("flush", false);
        inner.flush(checkHandle(handle));
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        enter("fsync", false);
        inner.fsync(checkHandle(handle), dataOnly);
    }

    @Override
    public void release(long handle) throws FsException {
        handleFiles.remove(handle);
        synchronized (this) {
            handleGeneration.remove(handle);
        }
        enter("release", false);
        inner.release(handle);
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        boolean replyLost = enterChange("fsetattr", changes.sizeBytes().isPresent());
        Attr attr = inner.fsetattr(checkHandle(handle), changes);
        if (changes.sizeBytes().isPresent()) {
            observer.seen(this, Event.TRUNCATE, attr.id(), changes.sizeBytes().getAsLong(), 0);
        } else {
            observer.seen(this, Event.ATTRIBUTES, attr.id(), 0, 0);
        }
        return lost(replyLost, attr, name);
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        boolean replyLost = enterChange("fallocate", true);
        inner.fallocate(checkHandle(handle), mode, offset, lengthBytes);
        lost(replyLost, null, name);
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        enter("lseek", false);
        return inner.lseek(checkHandle(handle), offset, whence);
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        enter("readdir", false);
        return inner.readdir(caller, dir, afterName, entriesMax);
    }

    @Override
    public XattrsPage readdirXattrs(Caller caller, FsPath dir, String afterName,
            int entriesMax, String prefix) throws FsException {
        enter("readdirXattrs", false);
        return inner.readdirXattrs(caller, dir, afterName, entriesMax, prefix);
    }

    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        enter("statfs", false);
        return inner.statfs(caller, path);
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String xattr) throws FsException {
        enter("getxattr", false);
        return inner.getxattr(caller, path, xattr);
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        enter("listxattr", false);
        return inner.listxattr(caller, path);
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String xattr, byte[] value, int flags)
            throws FsException {
        boolean replyLost = flakyXattrs ? enterChange("setxattr", false) : false;
        if (!flakyXattrs) {
            enter("setxattr", false);
        }
        inner.setxattr(caller, path, xattr, value, flags);
        lost(replyLost, null, name);
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String xattr) throws FsException {
        boolean replyLost = flakyXattrs ? enterChange("removexattr", false) : false;
        if (!flakyXattrs) {
            enter("removexattr", false);
        }
        inner.removexattr(caller, path, xattr);
        lost(replyLost, null, name);
    }

    @Override
    public void close() {
        inner.close();
    }
}
