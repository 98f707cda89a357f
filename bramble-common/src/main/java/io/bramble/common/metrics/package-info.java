/**
 * Metrics as Prometheus scrapes them: the text exposition format, written from values the
 * caller reads. Pure text; owns no counter, socket or thread.
 */
package io.bramble.common.metrics;
