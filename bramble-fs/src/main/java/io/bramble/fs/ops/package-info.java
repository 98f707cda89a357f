/**
 * The file operations every layer of a volume speaks: a brick on its disk, a brick over the
 * network, the distribute and replicate translators, and the FUSE client on top. Owns the
 * value types of those calls and nothing else.
 */
package io.bramble.fs.ops;
