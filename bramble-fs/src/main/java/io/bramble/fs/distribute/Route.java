package io.bramble.fs.distribute;

/** Where one of distribute's handles leads: a subvolume and that subvolume's handle. */
record Route(int subvolume, long handle) {}
