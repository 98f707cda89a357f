/**
 * {@code bramble web}: the options and lifetime of the static file server. The server itself
 * lives in bramble-web.
 */
package io.bramble.cli.web;
