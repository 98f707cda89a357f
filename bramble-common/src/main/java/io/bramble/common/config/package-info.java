/**
 * Config files as users write them for haproxy and keepalived: lexers that track file and
 * line, keyword tables with typed, bounded value readers, and diagnostics that name
 * {@code FILE:LINE: keyword} and are all reported at once.
 */
package io.bramble.common.config;
