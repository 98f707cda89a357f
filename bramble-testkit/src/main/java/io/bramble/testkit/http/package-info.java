/**
 * HTTP/1.1 spoken byte by byte, for tests of what a proxy lets through: a server that records
 * every request it receives exactly as it arrived, and a client that sends raw bytes and splits
 * what comes back into responses.
 */
package io.bramble.testkit.http;
