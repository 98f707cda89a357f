package io.bramble.fs.brick.profile;

/** A file and how many calls of one kind it had, for {@code volume top}. */
public record TopEntry(String path, long count) {}
