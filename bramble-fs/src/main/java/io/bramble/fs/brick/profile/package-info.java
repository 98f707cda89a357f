/**
 * What a brick's served operations cost, as Gluster's io-stats translator counts them for
 * {@code volume profile} and {@code volume top}: calls, latency and block sizes per file
 * operation, and the files most opened, read, written and listed. Pure counters behind a
 * {@link io.bramble.fs.ops.FileOps} decorator; owns no disk and no thread.
 */
package io.bramble.fs.brick.profile;
