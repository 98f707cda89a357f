package io.bramble.fs.volume.metrics;

/** What this node's heal worker healed of one volume since the node started. */
public record VolumeHealSample(String volume, long files, long bytes) {}
