/**
 * A brick on this node's disk: {@link io.bramble.fs.brick.LocalBrick} serves a volume's file
 * operations from plain files in a folder, keeping file ids, pending-change marks and the
 * index of marked files beside them. Owns the brick folder and its hidden {@code .bramble}
 * folder; touches the disk through the Linux calls in {@code Libc} and nothing else.
 */
package io.bramble.fs.brick;
