package io.bramble.fs.ops;

/** One name in a directory with its attributes (readdirplus returns both at once). */
public record DirEntry(String name, Attr attr) {}
