/**
 * bramble's FUSE client: it speaks the kernel's {@code /dev/fuse} protocol through the FFM
 * API and serves a {@link io.bramble.fs.ops.FileOps} as a mounted file system. The protocol
 * codec, the node table and the directory listings are pure; only the device, the mount
 * calls and the threads touch the operating system. Public: {@link FuseMount} and
 * {@link FuseOptions}.
 */
package io.bramble.fs.fuse;
