/**
 * The replicate translator: every change goes to all copies of a file, a copy that misses one
 * is blamed in xattrs on the copies that took it before the change is acknowledged, and reads
 * come only from copies nobody blames. Owns the change and read rules (pure), their xattrs and
 * {@link Replicate}; self-heal is not here.
 */
package io.bramble.fs.replicate;
