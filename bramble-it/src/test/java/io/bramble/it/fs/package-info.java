/**
 * Volumes with real {@code bramble node} processes on 127.0.0.x, typed as the seeds type
 * them: create, info on every member, start, status from each brick's member, stop, delete,
 * Gluster's checks and the volume options.
 */
package io.bramble.it.fs;
