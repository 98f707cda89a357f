package io.bramble.fs.replicate;

import io.bramble.fs.ops.Opened;

/** A handle one copy opened, with the copy it belongs to (to release it there). */
record ChildHandle(int child, Opened opened) {}
