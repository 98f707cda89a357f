"""The small-file phases of `bench/run fs`, one process for the whole phase so that no
process start is measured:

    smallfiles.py create FOLDER COUNT SIZE_BYTES   makes FOLDER and COUNT new files in it
    smallfiles.py read FOLDER COUNT SIZE_BYTES     reads every file of FOLDER to its end

Prints "SECONDS BYTES" (monotonic clock, whole phase). Files are written without fsync:
each file system's own caching (write-behind, writeback cache) is part of the figure.
Exits 1 when the bytes read back are not the bytes written."""
import os
import sys
import time

READ_CHUNK_BYTES = 65536


def create(folder, count, size):
    os.mkdir(folder)
    payload = os.urandom(size)
    written = 0
    for index in range(count):
        path = os.path.join(folder, "file-%06d" % index)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            view = memoryview(payload)
            while view:
                done = os.write(fd, view)
                view = view[done:]
                written += done
        finally:
            os.close(fd)
    return written


def read_back(folder):
    total = 0
    for name in sorted(os.listdir(folder)):
        fd = os.open(os.path.join(folder, name), os.O_RDONLY)
        try:
            while True:
                chunk = os.read(fd, READ_CHUNK_BYTES)
                if not chunk:
                    break
                total += len(chunk)
        finally:
            os.close(fd)
    return total


def main(argv):
    if len(argv) != 5 or argv[1] not in ("create", "read"):
        sys.stderr.write(__doc__)
        return 2
    mode, folder, count, size = argv[1], argv[2], int(argv[3]), int(argv[4])
    start = time.monotonic()
    moved = create(folder, count, size) if mode == "create" else read_back(folder)
    seconds = time.monotonic() - start
    print("%.3f %d" % (seconds, moved))
    if moved != count * size:
        sys.stderr.write("%s: %d bytes, expected %d\n" % (mode, moved, count * size))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
