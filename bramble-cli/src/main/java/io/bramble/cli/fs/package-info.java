/**
 * The file system's commands: {@code bramble volume ...} in the gluster grammar, clients of
 * the local node (or of {@code --remote-host}) that ask Gluster's questions before stopping
 * or deleting a volume.
 */
package io.bramble.cli.fs;
