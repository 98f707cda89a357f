/**
 * What the pool's Spark cluster is doing, as its master's JSON status page tells
 * ({@code http://MASTER:8080/json/}): reading that page and printing it for
 * {@code compute status}. Pure, but for the one HTTP read in {@link MasterPage}.
 */
package io.bramble.compute.status;
