package io.bramble.fs.volume.metrics;

/** A member of the pool by the name {@code pool list} shows, and whether it is connected. */
public record MemberSample(String member, boolean up) {}
