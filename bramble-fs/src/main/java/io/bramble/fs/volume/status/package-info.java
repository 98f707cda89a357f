/**
 * What a brick's machine reports about it for {@code volume status}: whether its server runs,
 * on which port, and the disk under it. Records and their encoding between nodes; no I/O.
 */
package io.bramble.fs.volume.status;
