/**
 * bramble's file system: volumes and their bricks, the client translators that place and
 * replicate files, and the FUSE client that mounts a volume.
 */
package io.bramble.fs;
