package io.bramble.pool.liveness;

import java.util.UUID;

/** A member went from one state to another at monotonic time {@code atNanos}. */
public record LivenessChange(UUID member, PeerState from, PeerState to, long atNanos) {}
