package io.bramble.fs.brick;

import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;

/**
 * A file of the pending-change index: its id, and its path when the mark was set (or the file
 * last renamed). The path is a hint for the heal: a directory renamed above it moves the file
 * without this entry knowing, so the heal checks the id found at the path.
 */
public record PendingFile(FileId id, FsPath path) {}
