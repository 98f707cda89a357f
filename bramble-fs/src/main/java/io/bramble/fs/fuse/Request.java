package io.bramble.fs.fuse;

/** One request from the kernel: its header and its decoded body. */
record Request(RequestHeader header, FuseRequest body) {}
