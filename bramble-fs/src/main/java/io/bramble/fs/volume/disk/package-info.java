/**
 * The disk under a brick's folder, read on the brick's machine for
 * {@code volume status detail}: the mount it is on ({@code /proc/self/mountinfo}) and the file
 * system's sizes and inodes ({@code statvfs}).
 */
package io.bramble.fs.volume.disk;
