package io.bramble.fs.ops;

/**
 * An open file: the handle to read and write it through, and its attributes at open. Handles
 * are numbers that mean something only to the layer that issued them.
 */
public record Opened(long handle, Attr attr) {}
