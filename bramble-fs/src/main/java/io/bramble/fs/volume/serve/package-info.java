/**
 * Serving started volumes: {@link io.bramble.fs.volume.serve.VolumeService} follows the
 * cluster store and asks this node's {@link io.bramble.fs.volume.serve.BrickHost} to serve
 * or stop each brick the node holds; the plan of what to do is pure.
 */
package io.bramble.fs.volume.serve;
