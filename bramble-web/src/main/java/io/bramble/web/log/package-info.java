/**
 * The access log: one line per request in Apache's combined format, so the tools that read
 * Apache's logs read ours.
 */
package io.bramble.web.log;
