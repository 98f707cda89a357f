package io.bramble.vrrp.config;

/**
 * A line of {@code track_script}: the script's name and, when given here, its weight.
 *
 * @param name a {@code vrrp_script} of the same file
 * @param weight the weight for this instance; the script's own when not written
 * @param reverse the weight applies the other way round
 */
public record TrackedScript(String name, int weight, boolean reverse) {}
