/**
 * A test's group of real {@code bramble} processes on 127.0.0.x addresses and free ports, and
 * the JUnit extension that stops them after each test and reports their output on failure.
 */
package io.bramble.testkit.cluster;
