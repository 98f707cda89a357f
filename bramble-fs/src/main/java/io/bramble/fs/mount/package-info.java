/**
 * The client side of a mount: the volume's layout fetched from a pool member, and the stack of
 * brick clients, replicate and distribute built from it. Owns no FUSE and no CLI.
 */
package io.bramble.fs.mount;
