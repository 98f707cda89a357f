/**
 * HTTP answers: the handler that maps GET and HEAD requests to files, status pages and
 * keep-alive, and hands each finished request to the access log.
 */
package io.bramble.web.http;
