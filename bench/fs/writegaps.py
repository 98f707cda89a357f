"""The hung-brick phase of `bench/run fs`: a writer that does a small write and an fsync
every INTERVAL seconds, for SECONDS seconds, while the bench stops one brick's process:

    writegaps.py FILE SECONDS INTERVAL

Writes 4 KiB at a time into FILE (over the same 64 blocks, so the file stays small), each
followed by fsync, on a steady schedule (a write that comes back late is not followed by a
burst). Prints "LONGEST_GAP WRITES ERRORS OPEN": the longest time in seconds between two
completed writes (monotonic clock; the time from the last completed write to the end
counts too), the writes completed, the writes that failed, and OPEN 1 when a write was
still waiting at the end, so that the longest gap is only a lower bound. The writes run
in a thread of their own, so the end comes on time even when a write never returns; the
process then exits without waiting for it."""
import os
import sys
import threading
import time

BLOCK_BYTES = 4096
BLOCKS = 64


class Writer(threading.Thread):
    def __init__(self, path, interval):
        super().__init__(daemon=True)
        self.path = path
        self.interval = interval
        self.lock = threading.Lock()
        self.done = []          # monotonic times of completed writes
        self.errors = 0
        self.busy_since = None  # when the write in progress started
        self.stopping = False

    def run(self):
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        payload = os.urandom(BLOCK_BYTES)
        due = time.monotonic()
        count = 0
        while not self.stopping:
            now = time.monotonic()
            if now < due:
                time.sleep(due - now)
            with self.lock:
                self.busy_since = time.monotonic()
            try:
                os.pwrite(fd, payload, (count % BLOCKS) * BLOCK_BYTES)
                os.fsync(fd)
                finished = time.monotonic()
                with self.lock:
                    self.done.append(finished)
            except OSError as error:
                sys.stderr.write("write %d: %s\n" % (count, error))
                with self.lock:
                    self.errors += 1
            with self.lock:
                self.busy_since = None
            count += 1
            due = max(due + self.interval, time.monotonic())


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    path, seconds, interval = argv[1], float(argv[2]), float(argv[3])
    writer = Writer(path, interval)
    start = time.monotonic()
    writer.start()
    time.sleep(seconds)
    end = time.monotonic()
    with writer.lock:
        writer.stopping = True
        done = list(writer.done)
        errors = writer.errors
        waiting = writer.busy_since is not None and end - writer.busy_since > 2 * interval
    marks = done + [end]
    first = done[0] if done else start
    gaps = [b - a for a, b in zip([first] + marks, marks)]
    print("%.3f %d %d %d" % (max(gaps), len(done), errors, 1 if waiting else 0))
    sys.stdout.flush()
    # a write blocked on a stopped brick would hold a normal exit
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
