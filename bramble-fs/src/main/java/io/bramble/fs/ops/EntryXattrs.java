package io.bramble.fs.ops;

/** One name in a directory with its attributes and some of its xattrs, read together. */
public record EntryXattrs(String name, AttrXattrs read) {}
