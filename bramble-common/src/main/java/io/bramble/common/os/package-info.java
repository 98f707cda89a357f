/**
 * Facts about the running process and its machine that the operating system knows: who it
 * runs as, what is mounted where.
 */
package io.bramble.common.os;
