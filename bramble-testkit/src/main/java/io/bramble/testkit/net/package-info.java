/**
 * Loopback addresses (127.0.0.x, one per process) and free ports for processes under test, and
 * the probe that says a port accepts connections.
 */
package io.bramble.testkit.net;
