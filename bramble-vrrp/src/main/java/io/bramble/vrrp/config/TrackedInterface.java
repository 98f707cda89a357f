package io.bramble.vrrp.config;

/**
 * A line of {@code track_interface}: {@code IF [weight W]}. Weight 0 (the default) puts the
 * instance in FAULT while the interface is down.
 */
public record TrackedInterface(String name, int weight) {}
