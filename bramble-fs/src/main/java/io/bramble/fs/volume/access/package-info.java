/**
 * Which clients may use a volume's bricks: the volume's {@code auth.allow} and
 * {@code auth.reject} lists read into a rule the brick server applies to each connection.
 * Pure: names are resolved through the resolver given.
 */
package io.bramble.fs.volume.access;
