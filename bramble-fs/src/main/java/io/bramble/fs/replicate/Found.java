package io.bramble.fs.replicate;

import io.bramble.fs.ops.Attr;

/**
 * A file as its copies showed it.
 *
 * @param attr the attributes of the chosen copy, which nobody blames
 * @param chosen the copy to read
 * @param holders the answering copies that hold this file (same id), blamed or not
 * @param blame who blames whom for it, from the holders' markers and this client's memory
 */
record Found(Attr attr, int chosen, ChildSet holders, BlameMatrix blame) {}
