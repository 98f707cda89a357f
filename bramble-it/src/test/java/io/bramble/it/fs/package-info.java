/**
 * Volumes with real {@code bramble node} processes on 127.0.0.x, typed as the seeds type
 * them: create, info on every member, start, status from each brick's member, stop, delete,
 * Gluster's checks and the volume options; and, as root, mounted with {@code bramble mount}:
 * the seeds' files, failures and POSIX basics through the mount, and the bricks' contents.
 */
package io.bramble.it.fs;
