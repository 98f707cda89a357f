/**
 * What {@code volume getspec} gives a mount client: the volume's definition and where each
 * brick is served, and the text both ends read and write. Pure.
 */
package io.bramble.fs.volume.spec;
